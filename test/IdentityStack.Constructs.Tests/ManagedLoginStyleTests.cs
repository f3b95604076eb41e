using System.Text;
using IdentityStack.Testing;

namespace IdentityStack.Constructs.Tests;

public sealed class ManagedLoginStyleTests
{
    private static readonly byte[] Svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private static ManagedLoginAsset Image(ManagedLoginAssetCategory category, ManagedLoginImageType type, byte[] content, ManagedLoginColorMode mode = ManagedLoginColorMode.Dynamic)
        => new() { Category = category, ColorMode = mode, ImageType = type, Content = content };

    [Fact]
    public void A_valid_style_has_no_problems_and_keeps_numbers_lists_and_booleans()
    {
        var style = new ManagedLoginStyle
        {
            SettingsJson = """{ "components": { "form": { "borderRadius": 8.5, "logo": { "enabled": true } }, "favicon": { "enabledTypes": ["SVG"] } } }""",
            Assets = [Image(ManagedLoginAssetCategory.FormLogo, ManagedLoginImageType.Svg, Svg)],
        };

        Assert.Empty(style.Problems());
        var form = (IDictionary<string, object>)((IDictionary<string, object>)((IDictionary<string, object>)style.SettingsForCloudFormation())["components"])["form"];
        Assert.Equal(8.5, form["borderRadius"]);
        Assert.Equal(true, ((IDictionary<string, object>)form["logo"])["enabled"]);
    }

    [Theory]
    [InlineData("""{ "components": { "primaryButton": { "lightMode": { "defaults": { "backgroundColor": "#0972d3" } } } } }""", "settings.components.primaryButton.lightMode.defaults.backgroundColor = \"#0972d3\": colours are 8 hex digits")]
    [InlineData("""{ "components": { "pageBackground": { "lightMode": { "color": "fff" } } } }""", "settings.components.pageBackground.lightMode.color = \"fff\"")]
    [InlineData("""{ "componentClasses": { "statusIndicator": { "lightMode": { "error": { "borderColor": 12 } } } } }""", "settings.componentClasses.statusIndicator.lightMode.error.borderColor = 12")]
    [InlineData("""{ "component": {} }""", "settings.component is not a section Cognito knows; use categories, componentClasses, components")]
    [InlineData("""{ "components": { "pageHeader": { "logo": { "enabled": true } } } }""", "settings.components.pageHeader.logo.enabled is true but there is no PAGE_HEADER_LOGO image; add one (page-header-logo.")]
    [InlineData("""[1, 2]""", "settings must be a JSON object")]
    [InlineData("""{ "components": """, "settings are not valid JSON")]
    public void Settings_problems_name_the_json_path_and_the_fix(string settings, string expected)
    {
        var problem = Assert.Single(new ManagedLoginStyle { SettingsJson = settings }.Problems());

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_content_must_match_its_declared_type()
    {
        Assert.Empty(Image(ManagedLoginAssetCategory.FormLogo, ManagedLoginImageType.Png, Png).Problems());

        var problem = Assert.Single(Image(ManagedLoginAssetCategory.FormLogo, ManagedLoginImageType.Png, Svg).Problems());

        Assert.Equal("the content is not a PNG image; save it in that format or rename it to its real type.", problem);
    }

    [Fact]
    public void Empty_and_oversized_images_are_refused()
    {
        Assert.Equal("the image is empty.", Assert.Single(Image(ManagedLoginAssetCategory.FormLogo, ManagedLoginImageType.Svg, []).Problems()));

        var big = new byte[ManagedLoginAsset.MaxBytes + 1];
        Png.CopyTo(big, 0);
        Assert.StartsWith("the image has 750001 bytes; Cognito takes at most 750000.", Assert.Single(Image(ManagedLoginAssetCategory.PageBackground, ManagedLoginImageType.Png, big).Problems()), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_images_and_too_much_image_data_for_the_template_are_refused()
    {
        var half = new byte[ManagedLoginStyle.MaxEncodedAssetCharacters / 2];
        Png.CopyTo(half, 0);
        var style = new ManagedLoginStyle
        {
            SettingsJson = "{}",
            Assets =
            [
                Image(ManagedLoginAssetCategory.PageBackground, ManagedLoginImageType.Png, half, ManagedLoginColorMode.Light),
                Image(ManagedLoginAssetCategory.PageBackground, ManagedLoginImageType.Png, half, ManagedLoginColorMode.Light),
            ],
        };

        var problems = style.AssetSetProblems();

        Assert.Equal(2, problems.Count);
        Assert.Equal("PAGE_BACKGROUND for LIGHT is given 2 times; keep one.", problems[0]);
        Assert.StartsWith("the images take 533336 base64 characters; keep them under 400000", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Cloudformation_asset_uses_the_upper_case_names_and_base64()
    {
        var asset = Image(ManagedLoginAssetCategory.FaviconSvg, ManagedLoginImageType.Svg, Svg, ManagedLoginColorMode.Dark).ToCloudFormation();

        Assert.Equal("FAVICON_SVG", asset["Category"]);
        Assert.Equal("DARK", asset["ColorMode"]);
        Assert.Equal("SVG", asset["Extension"]);
        Assert.Equal(Svg, Convert.FromBase64String((string)asset["Bytes"]));
    }

    [Fact]
    public void The_repository_style_folder_reads_without_problems()
    {
        var (style, problems) = ManagedLoginStyleDirectory.Read(RepositoryRoot.File("branding/managed-login"));

        Assert.Empty(problems);
        Assert.Equal(
            [(ManagedLoginAssetCategory.FaviconSvg, ManagedLoginColorMode.Dynamic), (ManagedLoginAssetCategory.FormLogo, ManagedLoginColorMode.Dynamic)],
            style!.Assets.Select(a => (a.Category, a.ColorMode)));
    }

    [Fact]
    public void A_folder_file_with_a_name_outside_the_scheme_or_wrong_content_is_named()
    {
        var folder = Directory.CreateTempSubdirectory("style-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, ManagedLoginStyleDirectory.SettingsFileName), """{ "components": {} }""");
            File.WriteAllBytes(Path.Combine(folder, "logo.svg"), Svg);
            File.WriteAllBytes(Path.Combine(folder, "form-logo.light.png"), Svg);

            var (_, problems) = ManagedLoginStyleDirectory.Read(folder);

            Assert.Equal(2, problems.Count);
            Assert.StartsWith(Path.Combine(folder, "form-logo.light.png") + ": the content is not a PNG image", problems[0], StringComparison.Ordinal);
            Assert.StartsWith(Path.Combine(folder, "logo.svg") + ": not an image name this folder takes; name images {category}.{mode}.{type}", problems[1], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_folder_without_settings_says_what_to_put_there()
    {
        var folder = Directory.CreateTempSubdirectory("style-").FullName;
        try
        {
            var (style, problems) = ManagedLoginStyleDirectory.Read(folder);

            Assert.Null(style);
            Assert.Contains("settings.json: missing; put the branding designer's settings document there", Assert.Single(problems), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
