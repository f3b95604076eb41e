using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

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
        var value = Get(field);
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.String || !pattern.IsMatch(value.Value.GetString()!))
        {
            Problem(field, value.Value.GetRawText(), fix);
            return null;
        }

        return value.Value.GetString();
    }

    public string? RequiredString(string field, Regex pattern, string fix)
    {
        if (Get(field) is null)
        {
            Problem(field, "missing", fix);
            return null;
        }

        return OptionalString(field, pattern, fix);
    }

    public bool Bool(string field, bool defaultValue)
    {
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

    public int? Int(string field, int lowest, int highest)
    {
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

    public TEnum Choice<TEnum>(string field, TEnum defaultValue, IReadOnlyDictionary<string, TEnum> choices)
    {
        var value = Get(field);
        if (value is null)
        {
            return defaultValue;
        }

        if (value.Value.ValueKind == JsonValueKind.String && choices.TryGetValue(value.Value.GetString()!, out var choice))
        {
            return choice;
        }

        Problem(field, value.Value.GetRawText(), "use one of " + string.Join(", ", choices.Keys) + ".");
        return defaultValue;
    }

    public JsonObjectReader? Object(string field)
    {
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
    /// An array of strings that each match <paramref name="pattern"/>; every other item is a problem
    /// at its own path with <paramref name="fix"/>. Missing or null is empty.
    /// </summary>
    public List<string> StringArray(string field, Regex pattern, string fix)
    {
        var values = new List<string>();
        foreach (var (item, path) in Array(field))
        {
            if (item.ValueKind == JsonValueKind.String && pattern.IsMatch(item.GetString()!))
            {
                values.Add(item.GetString()!);
            }
            else
            {
                ProblemAt(path, item.GetRawText(), fix);
            }
        }

        return values;
    }

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
