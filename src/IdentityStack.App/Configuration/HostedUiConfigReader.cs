using System.Text.RegularExpressions;
using IdentityStack.Constructs.SignIn;
using IdentityStack.Constructs;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.App.Configuration;

/// <summary>
/// Reads how the hosted pages look (<c>signIn.ui</c>): managed login with an optional style folder
/// (<c>signIn.managedLoginStyle</c>), or the classic UI with a CSS file (<c>signIn.classicCss</c>).
/// Files are read and checked here, so a bad colour or selector is a config error, not a failed deploy.
/// </summary>
internal static partial class HostedUiConfigReader
{
    private const string UiField = "ui";
    private const string ClassicCssField = "classicCss";
    private const string StyleField = "managedLoginStyle";
    private const string LogoField = "classicLogo";

    private static readonly Dictionary<string, HostedUiStyle> UiChoices = new(StringComparer.Ordinal)
    {
        ["managed"] = HostedUiStyle.ManagedLogin,
        ["classic"] = HostedUiStyle.Classic,
    };

    public static HostedUiConfig Read(JsonObjectReader reader)
    {
        var ui = reader.Choice(UiField, HostedUiStyle.ManagedLogin, UiChoices);
        var cssPath = reader.OptionalString(ClassicCssField, CssPathPattern(), "use a path to a .css file in the repository, e.g. \"branding/classic/hosted-ui.css\".");
        var logoPath = reader.OptionalString(LogoField, LogoPathPattern(), "use a path to a .png or .jpg file in the repository, e.g. \"branding/classic/logo.png\".");
        var stylePath = reader.OptionalString(StyleField, FolderPathPattern(), "use a folder in the repository, e.g. \"branding/managed-login\".");
        if (ui == HostedUiStyle.Classic)
        {
            if (stylePath is not null)
            {
                reader.Problem(StyleField, PropsProblem.Quoted(stylePath), "a managed login style applies only to \"ui\": \"managed\"; remove it or change ui.");
            }

            return new HostedUiConfig(ui, ReadClassicCss(reader, cssPath), logoPath is null ? null : ReadLogo(reader, logoPath), null);
        }

        foreach (var (field, path) in new[] { (ClassicCssField, cssPath), (LogoField, logoPath) })
        {
            if (path is not null)
            {
                reader.Problem(field, PropsProblem.Quoted(path), "this applies only to the classic hosted UI; set \"ui\": \"classic\" or remove it.");
            }
        }

        return new HostedUiConfig(ui, null, null, stylePath is null ? null : ReadStyle(reader, stylePath));
    }

    private static ClassicHostedUiLogo? ReadLogo(JsonObjectReader reader, string path)
    {
        if (ConfiguredFile.Find(reader, LogoField, path) is not { } file)
        {
            return null;
        }

        var logo = new ClassicHostedUiLogo { Content = File.ReadAllBytes(file) };
        foreach (var problem in logo.Problems())
        {
            reader.Problem(LogoField, PropsProblem.Quoted(path), problem);
        }

        return logo;
    }

    private static string? ReadClassicCss(JsonObjectReader reader, string? path)
    {
        if (path is null)
        {
            reader.Problem(ClassicCssField, "missing", "the classic hosted UI needs a CSS file, e.g. \"branding/classic/hosted-ui.css\".");
            return null;
        }

        if (ConfiguredFile.Find(reader, ClassicCssField, path) is not { } file)
        {
            return null;
        }

        var css = File.ReadAllText(file);
        foreach (var problem in ClassicHostedUiCss.Problems(css))
        {
            reader.Problem(ClassicCssField, PropsProblem.Quoted(path), problem);
        }

        return css;
    }

    private static ManagedLoginStyle? ReadStyle(JsonObjectReader reader, string path)
    {
        var folder = RepositoryLayout.Resolve(path);
        var (style, problems) = ManagedLoginStyleDirectory.Read(folder);
        foreach (var problem in problems)
        {
            reader.Problem(StyleField, PropsProblem.Quoted(path), problem.Replace(folder, path, StringComparison.Ordinal));
        }

        return problems.Count == 0 ? style : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_./-]+\\.css$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex CssPathPattern();

    [GeneratedRegex("^[A-Za-z0-9_./-]+\\.(png|jpg|jpeg)$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex LogoPathPattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex FolderPathPattern();
}
