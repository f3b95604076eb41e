using System.Globalization;
using System.Text.RegularExpressions;

namespace IdentityStack.App.Configuration;

/// <summary>
/// Records every field the stage readers read, while one is active (<see cref="Record"/>): the
/// configuration reference and the JSON Schema of a stage are generated from what the readers
/// themselves ask for, so a field cannot be read without being documented, or documented without
/// being read. Inactive (the usual case) it costs a null check and a small closure per read.
/// </summary>
internal sealed partial class ConfigFieldCatalog
{
    private static readonly AsyncLocal<ConfigFieldCatalog?> Active = new();
    private readonly Dictionary<string, ConfigField> _fields = new(StringComparer.Ordinal);

    /// <summary>The fields recorded, by path.</summary>
    public IReadOnlyDictionary<string, ConfigField> Fields => _fields;

    /// <summary>Runs <paramref name="read"/> with a catalog recording every field it reads; returns the catalog.</summary>
    public static ConfigFieldCatalog Record(Action read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var catalog = new ConfigFieldCatalog();
        Active.Value = catalog;
        try
        {
            read();
        }
        finally
        {
            Active.Value = null;
        }

        return catalog;
    }

    /// <summary>Notes a read of <paramref name="field"/> at the reader path <paramref name="parentPath"/>, when a catalog is active.</summary>
    public static void Note(string parentPath, string field, Func<string, ConfigField> describe)
    {
        if (Active.Value is not { } catalog)
        {
            return;
        }

        var path = FieldPath(parentPath, field);
        var described = describe(path);
        catalog._fields[path] = catalog._fields.TryGetValue(path, out var earlier) ? Merge(earlier, described) : described;
    }

    /// <summary>A regular expression as JSON Schema takes it (ECMA-262): .NET's named-group and inline-option syntax are not used here.</summary>
    public static string? PatternOf(Regex? pattern) => pattern?.ToString();

    /// <summary>The default as configuration writes it: lower-case booleans, the choice's key.</summary>
    public static string Notation(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>
    /// <c>stages.prod.federation[3]</c> + <c>tenants</c> -> <c>federation[].tenants</c>: the stage
    /// name and array indices are not part of a field's identity.
    /// </summary>
    private static string FieldPath(string parentPath, string field)
    {
        var full = parentPath + "." + field;
        var withoutStage = full.StartsWith(StageConfigReader.ContextKey + ".", StringComparison.Ordinal)
            ? full[(full.IndexOf('.', StageConfigReader.ContextKey.Length + 1) + 1)..]
            : full;
        return ArrayIndex().Replace(withoutStage, "[]");
    }

    /// <summary>One field read twice (a provider type reads what another does not) keeps every fact either read gave.</summary>
    private static ConfigField Merge(ConfigField earlier, ConfigField later) => earlier with
    {
        Required = earlier.Required || later.Required,
        Choices = earlier.Choices.Count > 0 ? earlier.Choices : later.Choices,
        Default = earlier.Default ?? later.Default,
        Range = earlier.Range ?? later.Range,
        Rule = earlier.Rule ?? later.Rule,
        Pattern = earlier.Pattern ?? later.Pattern,
        Kind = string.Equals(earlier.Kind, UnknownArray, StringComparison.Ordinal) ? later.Kind : earlier.Kind,
    };

    /// <summary>The kind an array has before the typed read of its items says what they are.</summary>
    public const string UnknownArray = "array";

    [GeneratedRegex(@"\[[0-9]+\]", RegexOptions.ExplicitCapture, IdentityStack.Triggers.Contract.TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex ArrayIndex();
}
