using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.CDK;

namespace IdentityStack.App.Configuration;

/// <summary>
/// Reads typed fields from one JSON object of the configuration, recording a
/// <see cref="ConfigProblem"/> (instead of throwing) for each field that is missing, of the wrong
/// type or out of range, and for each field it does not know.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly List<ConfigProblem> _problems;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public JsonObjectReader(JsonElement element, string path, List<ConfigProblem> problems)
    {
        _element = element;
        Path = path;
        _problems = problems;
    }

    public string Path { get; }

    /// <summary>How many problems the whole configuration has so far.</summary>
    public int ProblemCount => _problems.Count;

    public void Problem(string field, string found, string fix) => ProblemAt(Path + "." + field, found, fix);

    public void ProblemAt(string path, string found, string fix) => _problems.Add(new ConfigProblem(path, found, fix));

    /// <summary>A reader for a nested object (an array item), sharing this reader's problem list.</summary>
    public JsonObjectReader Nested(JsonElement element, string path) => new(element, path, _problems);

    public string? OptionalString(string field, Regex pattern, string fix)
    {
        ConfigFieldCatalog.Note(Path, field, p => new(p, "string") { Rule = fix, Pattern = ConfigFieldCatalog.PatternOf(pattern) });
        var value = Get(field);
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return Text(value.Value, Path + "." + field, pattern, fix);
    }

    /// <summary>
    /// The text of a JSON string at <paramref name="path"/> that is acceptable anywhere
    /// (<see cref="ConfigText"/>) and matches <paramref name="pattern"/>, or null after recording the
    /// problem: another JSON type, invalid Unicode, a refused character or a mismatch.
    /// </summary>
    public string? Text(JsonElement value, string path, Regex pattern, string fix)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var text = Text(value, path, fix);
        if (text is null)
        {
            return null;
        }

        bool matches;
        try
        {
            matches = pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            matches = false;
        }

        if (!matches)
        {
            ProblemAt(path, value.GetRawText(), fix);
            return null;
        }

        return text;
    }

    /// <summary>The text of a JSON string at <paramref name="path"/> that is acceptable anywhere (<see cref="ConfigText"/>), or null after recording the problem.</summary>
    public string? Text(JsonElement value, string path, string fix)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            ProblemAt(path, value.GetRawText(), fix);
            return null;
        }

        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            ProblemAt(path, value.GetRawText(), "the text is not valid Unicode (an unpaired surrogate escape); " + fix);
            return null;
        }

        if (ConfigText.Refusal(text) is { } refusal)
        {
            ProblemAt(path, value.GetRawText(), refusal);
            return null;
        }

        return text;
    }

    public string? RequiredString(string field, Regex pattern, string fix)
    {
        ConfigFieldCatalog.Note(Path, field, p => new(p, "string") { Required = true, Rule = fix, Pattern = ConfigFieldCatalog.PatternOf(pattern) });
        if (Get(field) is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            Problem(field, "missing", fix);
            return null;
        }

        return OptionalString(field, pattern, fix);
    }

    public bool Bool(string field, bool defaultValue)
    {
        ConfigFieldCatalog.Note(Path, field, p => new(p, "boolean") { Default = ConfigFieldCatalog.Notation(defaultValue) });
        var value = Get(field);
        switch (value?.ValueKind)
        {
            case null:
                return defaultValue;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                Problem(field, value.Value.GetRawText(), "use true or false (without quotes).");
                return defaultValue;
        }
    }

    /// <summary>A whole number of any size, or null (missing or a problem); the props type that takes it owns the range.</summary>
    public int? WholeNumber(string field)
    {
        ConfigFieldCatalog.Note(Path, field, p => new(p, "integer"));
        var value = Get(field);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.Number || !value.Value.TryGetInt32(out var number))
        {
            Problem(field, value.Value.GetRawText(), "use a whole number.");
            return null;
        }

        return number;
    }

    public int? Int(string field, int lowest, int highest)
    {
        ConfigFieldCatalog.Note(Path, field, p => new(p, "integer") { Range = (lowest, highest) });
        var value = Get(field);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.Number || !value.Value.TryGetInt32(out var number) || number < lowest || number > highest)
        {
            Problem(field, value.Value.GetRawText(), string.Create(CultureInfo.InvariantCulture, $"use a whole number from {lowest} to {highest}."));
            return null;
        }

        return number;
    }

    /// <summary>An enum's members as configuration choices, each by its name in upper case (<c>Optional</c> -> <c>"OPTIONAL"</c>).</summary>
    public static IReadOnlyDictionary<string, TEnum> UpperCaseChoices<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().ToDictionary(v => v.ToString().ToUpperInvariant(), StringComparer.Ordinal);

    public TEnum Choice<TEnum>(string field, TEnum defaultValue, IReadOnlyDictionary<string, TEnum> choices)
    {
        ConfigFieldCatalog.Note(Path, field, p => new(p, "string")
        {
            Choices = [.. choices.Keys],
            Default = choices.FirstOrDefault(c => EqualityComparer<TEnum>.Default.Equals(c.Value, defaultValue)).Key,
        });
        var value = Get(field);
        return value is not null && TryChoice(value.Value, Path + "." + field, choices, out var choice) ? choice : defaultValue;
    }

    /// <summary>An array of choices (each a string of <paramref name="choices"/>); every other item is a problem at its own path. Missing or null is empty.</summary>
    public List<TEnum> Choices<TEnum>(string field, IReadOnlyDictionary<string, TEnum> choices)
    {
        ConfigFieldCatalog.Note(Path, field, p => new(p, "string[]") { Choices = [.. choices.Keys] });
        var values = new List<TEnum>();
        foreach (var (item, path) in Array(field))
        {
            if (TryChoice(item, path, choices, out var choice))
            {
                values.Add(choice);
            }
        }

        return values;
    }

    /// <summary>
    /// A duration of whole <paramref name="unit"/>s, or null when absent or not a whole number
    /// (recorded); a negative amount is recorded with <paramref name="negativeFix"/>. The props type
    /// that takes it owns the range.
    /// </summary>
    public Duration? WholeDuration(string field, Func<double, Duration> unit, string negativeFix)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var amount = WholeNumber(field);
        if (amount is < 0)
        {
            Problem(field, amount.Value.ToString(CultureInfo.InvariantCulture), negativeFix);
            return null;
        }

        return amount is { } value ? unit(value) : null;
    }

    /// <summary>The choice <paramref name="value"/> names, or false after recording the problem at <paramref name="path"/>.</summary>
    private bool TryChoice<TEnum>(JsonElement value, string path, IReadOnlyDictionary<string, TEnum> choices, out TEnum choice)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var fix = "use one of " + string.Join(", ", choices.Keys) + ".";
        choice = default!;
        if (Text(value, path, fix) is not { } text)
        {
            return false;
        }

        if (choices.TryGetValue(text, out var found))
        {
            choice = found;
            return true;
        }

        ProblemAt(path, value.GetRawText(), fix);
        return false;
    }

    public JsonObjectReader? Object(string field)
    {
        ConfigFieldCatalog.Note(Path, field, p => new(p, "object"));
        var value = Get(field);
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.Object)
        {
            Problem(field, value.Value.GetRawText(), "use a JSON object ({ ... }).");
            return null;
        }

        return new JsonObjectReader(value.Value, Path + "." + field, _problems);
    }

    public IReadOnlyList<(JsonElement Item, string Path)> Array(string field)
    {
        ConfigFieldCatalog.Note(Path, field, p => new(p, ConfigFieldCatalog.UnknownArray));
        var value = Get(field);
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            Problem(field, value.Value.GetRawText(), "use a JSON array ([ ... ]).");
            return [];
        }

        return value.Value.EnumerateArray()
            .Select((item, index) => (item, string.Create(CultureInfo.InvariantCulture, $"{Path}.{field}[{index}]")))
            .ToList();
    }

    /// <summary>
    /// A reader for each object in the array <paramref name="field"/>; every item that is not an
    /// object is a problem at its own path with <paramref name="fix"/>. Missing or null is empty.
    /// </summary>
    public IEnumerable<JsonObjectReader> Objects(string field, string fix)
    {
        ConfigFieldCatalog.Note(Path, field, p => new(p, "object[]"));
        foreach (var (item, path) in Array(field))
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                yield return Nested(item, path);
            }
            else
            {
                ProblemAt(path, item.GetRawText(), fix);
            }
        }
    }

    /// <summary>
    /// An array of strings that each match <paramref name="pattern"/>; every other item is a problem
    /// at its own path with <paramref name="fix"/>. Missing or null is empty.
    /// </summary>
    public List<string> StringArray(string field, Regex pattern, string fix)
    {
        ConfigFieldCatalog.Note(Path, field, p => new(p, "string[]") { Rule = fix, Pattern = ConfigFieldCatalog.PatternOf(pattern) });
        var values = new List<string>();
        foreach (var (item, path) in Array(field))
        {
            if (Text(item, path, pattern, fix) is { } text)
            {
                values.Add(text);
            }
        }

        return values;
    }

    /// <summary>An optional string that passes <see cref="ConfigText"/>, any content; the props type that takes it owns the rules (<see cref="PropsProblems"/>).</summary>
    public string? OptionalText(string field, string fix)
    {
        ConfigFieldCatalog.Note(Path, field, p => new(p, "string") { Rule = fix });
        var value = Get(field);
        return value is null || value.Value.ValueKind == JsonValueKind.Null ? null : Text(value.Value, Path + "." + field, fix);
    }

    /// <summary>An array of strings that pass <see cref="ConfigText"/>, any content; every other item is a problem at its own path.</summary>
    public List<string> TextArray(string field, string fix)
    {
        ConfigFieldCatalog.Note(Path, field, p => new(p, "string[]") { Rule = fix });
        var values = new List<string>();
        foreach (var (item, path) in Array(field))
        {
            if (Text(item, path, fix) is { } text)
            {
                values.Add(text);
            }
        }

        return values;
    }

    /// <summary>
    /// Records a props type's problems at their configuration paths under this object: the property
    /// path in camel case, or, where a property path starts with a key of <paramref name="configNames"/>,
    /// that key's configuration name (e.g. <c>Emails[0]</c> -> <c>email[0]</c>,
    /// <c>Email.IdentityArn</c> -> <c>email.sesIdentityArn</c>). A problem at a path that already has a
    /// reader problem (a wrong type, a missing field) is left out: the props saw a default there, not
    /// what the user wrote, so the reader's problem is the one that helps.
    /// </summary>
    public void PropsProblems(IEnumerable<IdentityStack.Constructs.PropsProblem> problems, IReadOnlyDictionary<string, string>? configNames = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            var path = Path + "." + ConfigPathOf(problem, configNames);
            if (!_problems.Any(p => Overlaps(p.Path, path)))
            {
                ProblemAt(path, problem.Found, problem.Fix);
            }
        }
    }

    /// <summary>A required string that passes <see cref="ConfigText"/>, any content (the props type owns the rules); "missing" with <paramref name="fix"/> when absent or null.</summary>
    public string? RequiredText(string field, string fix)
    {
        ConfigFieldCatalog.Note(Path, field, p => new(p, "string") { Required = true, Rule = fix });
        if (Get(field) is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            Problem(field, "missing", fix);
            return null;
        }

        return Text(value, Path + "." + field, fix);
    }

    private static string ConfigPathOf(IdentityStack.Constructs.PropsProblem problem, IReadOnlyDictionary<string, string>? configNames)
    {
        var property = problem.Property;
        var key = configNames?.Keys
            .Where(k => property.StartsWith(k, StringComparison.Ordinal) && (property.Length == k.Length || property[k.Length] is '.' or '['))
            .OrderByDescending(k => k.Length)
            .FirstOrDefault();
        return key is null
            ? problem.ConfigPath
            : configNames![key] + (problem with { Property = property[key.Length..] }).ConfigPath;
    }

    /// <summary>Whether one path is the other or inside it (<c>a.b</c> and <c>a.b[0].c</c>).</summary>
    private static bool Overlaps(string recorded, string path) =>
        string.Equals(recorded, path, StringComparison.Ordinal) || Inside(path, recorded) || Inside(recorded, path);

    private static bool Inside(string path, string parent) =>
        path.Length > parent.Length && path.StartsWith(parent, StringComparison.Ordinal) && path[parent.Length] is '.' or '[';

    /// <summary>Whether the object has <paramref name="field"/> at all (valid or not); marks it as known.</summary>
    public bool Has(string field) => Get(field) is not null;

    /// <summary>Records a problem for every field of the object that no read asked for (a typo, usually).</summary>
    public void RejectUnknownFields()
    {
        foreach (var property in _element.EnumerateObject().Where(p => !_known.Contains(p.Name)))
        {
            Problem(property.Name, property.Value.GetRawText(), "unknown field; valid fields here are " + string.Join(", ", _known.Order(StringComparer.Ordinal)) + ".");
        }
    }

    private JsonElement? Get(string field)
    {
        _known.Add(field);
        return _element.TryGetProperty(field, out var value) ? value : null;
    }
}
