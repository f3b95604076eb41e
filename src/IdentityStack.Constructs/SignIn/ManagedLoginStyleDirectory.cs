namespace IdentityStack.Constructs.SignIn;

/// <summary>
/// Reads a <see cref="ManagedLoginStyle"/> from a folder: <c>settings.json</c> and one file per
/// image named <c>{category}.{colour mode}.{type}</c> in kebab case, e.g. <c>form-logo.dynamic.svg</c>
/// or <c>page-background.dark.png</c>. A README.md is allowed; any other file is a problem.
/// </summary>
public static class ManagedLoginStyleDirectory
{
    /// <summary>The settings document's file name.</summary>
    public const string SettingsFileName = "settings.json";

    private static readonly Dictionary<string, ManagedLoginAssetCategory> Categories = Enum.GetValues<ManagedLoginAssetCategory>().ToDictionary(CloudFormationEnumName.FileNameOf, StringComparer.Ordinal);
    private static readonly Dictionary<string, ManagedLoginColorMode> Modes = Enum.GetValues<ManagedLoginColorMode>().ToDictionary(CloudFormationEnumName.FileNameOf, StringComparer.Ordinal);
    private static readonly Dictionary<string, ManagedLoginImageType> Types = new(StringComparer.Ordinal)
    {
        ["ico"] = ManagedLoginImageType.Ico,
        ["jpg"] = ManagedLoginImageType.Jpeg,
        ["jpeg"] = ManagedLoginImageType.Jpeg,
        ["png"] = ManagedLoginImageType.Png,
        ["svg"] = ManagedLoginImageType.Svg,
        ["webp"] = ManagedLoginImageType.Webp,
    };

    /// <summary>The style in <paramref name="directory"/> and its problems, each naming the file; the style is null when it cannot be read.</summary>
    public static (ManagedLoginStyle? Style, IReadOnlyList<string> Problems) Read(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return (null, [$"{directory}: no such folder."]);
        }

        var settingsFile = Path.Combine(directory, SettingsFileName);
        if (!File.Exists(settingsFile))
        {
            return (null, [$"{settingsFile}: missing; put the branding designer's settings document there (at least {{ \"components\": {{}} }})."]);
        }

        var problems = new List<string>();
        var assets = new List<ManagedLoginAsset>();
        foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name is SettingsFileName or "README.md")
            {
                continue;
            }

            if (ParseName(name) is not { } parsed)
            {
                problems.Add($"{file}: not an image name this folder takes; name images {{category}}.{{mode}}.{{type}}, category one of {string.Join(", ", Categories.Keys)}, mode one of {string.Join(", ", Modes.Keys)}, type one of {string.Join(", ", Types.Keys)}.");
                continue;
            }

            var asset = new ManagedLoginAsset { Category = parsed.Category, ColorMode = parsed.Mode, ImageType = parsed.Type, Content = File.ReadAllBytes(file) };
            problems.AddRange(asset.Problems().Select(p => $"{file}: {p}"));
            assets.Add(asset);
        }

        var style = new ManagedLoginStyle { SettingsJson = File.ReadAllText(settingsFile), Assets = assets };
        problems.AddRange(style.SettingsProblems().Select(p => $"{settingsFile}: {p}"));
        problems.AddRange(style.AssetSetProblems().Select(p => $"{directory}: {p}"));
        return (style, problems);
    }

    private static (ManagedLoginAssetCategory Category, ManagedLoginColorMode Mode, ManagedLoginImageType Type)? ParseName(string name)
    {
        var parts = name.Split('.');
        return parts.Length == 3
            && Categories.TryGetValue(parts[0], out var category)
            && Modes.TryGetValue(parts[1], out var mode)
            && Types.TryGetValue(parts[2].ToLowerInvariant(), out var type)
            ? (category, mode, type)
            : null;
    }
}
