using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IdentityStack.Constructs.SignIn;

/// <summary>
/// A managed login look: the branding designer's settings document (colours, layout, which logos
/// show) and the images it shows. Cognito merges the settings over its defaults, so the document
/// holds only what differs. Checked at synth time for what Cognito would refuse or silently ignore.
/// </summary>
public sealed partial record ManagedLoginStyle
{
    /// <summary>
    /// Base64 image bytes allowed in one style. Each user-facing client carries a copy and a
    /// CloudFormation template holds at most 1 MB, so two copies must leave room for the rest.
    /// </summary>
    public const int MaxEncodedAssetCharacters = 400_000;

    /// <summary>Cognito's limit of images in one style.</summary>
    public const int MaxAssets = 40;

    private static readonly HashSet<string> SettingsSections = new HashSet<string>(StringComparer.Ordinal) { "categories", "componentClasses", "components" };

    private static readonly (string Component, ManagedLoginAssetCategory Logo)[] LogoSwitches =
    [
        ("form", ManagedLoginAssetCategory.FormLogo),
        ("pageHeader", ManagedLoginAssetCategory.PageHeaderLogo),
        ("pageFooter", ManagedLoginAssetCategory.PageFooterLogo),
    ];

    /// <summary>The settings document (JSON object with categories, componentClasses, components).</summary>
    public required string SettingsJson { get; init; }

    /// <summary>The images, at most one per category and colour mode.</summary>
    public IReadOnlyList<ManagedLoginAsset> Assets { get; init; } = [];

    /// <summary>What is wrong with the settings, one sentence each naming the JSON path, or nothing.</summary>
    public IReadOnlyList<string> SettingsProblems()
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(SettingsJson);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return [$"settings are not valid JSON ({e.Message})."];
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return ["settings must be a JSON object with \"categories\", \"componentClasses\" and/or \"components\"."];
        }

        var problems = new List<string>();
        foreach (var section in root.EnumerateObject().Where(p => !SettingsSections.Contains(p.Name)))
        {
            problems.Add($"settings.{section.Name} is not a section Cognito knows; use {string.Join(", ", SettingsSections.Order(StringComparer.Ordinal))}.");
        }

        CheckColours(root, "settings", problems);
        CheckLogos(root, problems);
        return problems;
    }

    /// <summary>Everything wrong with this style: settings, each image, the images as a set.</summary>
    public IReadOnlyList<string> Problems() =>
    [
        .. SettingsProblems(),
        .. Assets.SelectMany(a => a.Problems().Select(p => $"{CloudFormationEnumName.Of(a.Category)} ({CloudFormationEnumName.Of(a.ColorMode)}): {p}")),
        .. AssetSetProblems(),
    ];

    /// <summary>What is wrong with the images as a set (duplicates, count, total size), or nothing.</summary>
    public IReadOnlyList<string> AssetSetProblems()
    {
        var problems = new List<string>();
        foreach (var twice in Assets.GroupBy(a => (a.Category, a.ColorMode)).Where(g => g.Count() > 1))
        {
            problems.Add($"{CloudFormationEnumName.Of(twice.Key.Category)} for {CloudFormationEnumName.Of(twice.Key.ColorMode)} is given {twice.Count()} times; keep one.");
        }

        if (Assets.Count > MaxAssets)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{Assets.Count} images; Cognito takes at most {MaxAssets} a style."));
        }

        var encoded = Assets.Sum(a => (long)((a.Content.Length + 2) / 3 * 4));
        if (encoded > MaxEncodedAssetCharacters)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the images take {encoded} base64 characters; keep them under {MaxEncodedAssetCharacters} so the template stays under CloudFormation's 1 MB (use SVG or compress)."));
        }

        return problems;
    }

    /// <summary>The settings document as plain values CloudFormation (through jsii) can take.</summary>
    public object SettingsForCloudFormation()
    {
        using var document = JsonDocument.Parse(SettingsJson);
        return ToPlainValue(document.RootElement)!;
    }

    private static void CheckColours(JsonElement element, string path, List<string> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var at = path + "." + property.Name;
                    if (IsColourName(property.Name) && (property.Value.ValueKind != JsonValueKind.String || !Colour().IsMatch(property.Value.GetString()!)))
                    {
                        problems.Add($"{at} = {property.Value.GetRawText()}: colours are 8 hex digits RRGGBBAA without '#', e.g. \"0972d3ff\".");
                    }

                    CheckColours(property.Value, at, problems);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckColours(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), problems);
                }

                break;
            default:
                break;
        }
    }

    private static bool IsColourName(string name) => name.Equals("color", StringComparison.Ordinal) || name.EndsWith("Color", StringComparison.Ordinal);

    private void CheckLogos(JsonElement root, List<string> problems)
    {
        if (!root.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var (component, logo) in LogoSwitches)
        {
            var enabled = components.TryGetProperty(component, out var c) && c.ValueKind == JsonValueKind.Object
                && c.TryGetProperty("logo", out var l) && l.ValueKind == JsonValueKind.Object
                && l.TryGetProperty("enabled", out var e) && e.ValueKind == JsonValueKind.True;
            if (enabled && !Assets.Any(a => a.Category == logo))
            {
                problems.Add($"settings.components.{component}.logo.enabled is true but there is no {CloudFormationEnumName.Of(logo)} image; add one ({CloudFormationEnumName.FileNameOf(logo)}.<light|dark|dynamic>.<svg|png|...>) or set enabled to false.");
            }
        }
    }

    private static object? ToPlainValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject()
            .Where(p => p.Value.ValueKind != JsonValueKind.Null)
            .ToDictionary(p => p.Name, p => ToPlainValue(p.Value)!, StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(ToPlainValue).Where(v => v is not null).ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    [GeneratedRegex("^[0-9a-fA-F]{8}$", RegexOptions.None, 1000)]
    private static partial Regex Colour();
}
