namespace IdentityStack.App.Configuration;

/// <summary>What a stage field is, as the reader that reads it says: its JSON kind and its rules.</summary>
/// <param name="Path">The field's path inside a stage, arrays as <c>[]</c>: <c>federation[].tenants</c>.</param>
/// <param name="Kind">string, boolean, integer, object, or an array of those (<c>string[]</c>, <c>object[]</c>).</param>
internal sealed record ConfigField(string Path, string Kind)
{
    /// <summary>Whether the stage is refused without it (where its parent is given).</summary>
    public bool Required { get; init; }

    /// <summary>The values a choice field accepts, in the reader's order; empty for other fields.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The reader's default in configuration notation ("REQUIRED", "false"), or null when the reader has none.</summary>
    public string? Default { get; init; }

    /// <summary>The lowest and highest whole number accepted, when the reader checks a range.</summary>
    public (int Lowest, int Highest)? Range { get; init; }

    /// <summary>The reader's rule for a value, as it tells the user ("use 1-63 lower-case letters ...").</summary>
    public string? Rule { get; init; }

    /// <summary>The JSON Schema pattern of a string (or of each string of an array), when the reader matches one.</summary>
    public string? Pattern { get; init; }
}
