using System.Text.Json.Serialization;

namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>A DynamoDB attribute value in its JSON shape: exactly one member is set.</summary>
public sealed record SnapshotValue
{
    /// <summary>String.</summary>
    [JsonPropertyName("S")]
    public string? S { get; init; }

    /// <summary>Number, as text.</summary>
    [JsonPropertyName("N")]
    public string? N { get; init; }

    /// <summary>Boolean.</summary>
    [JsonPropertyName("BOOL")]
    public bool? BOOL { get; init; }

    /// <summary>Null (true when set).</summary>
    [JsonPropertyName("NULL")]
    public bool? NULL { get; init; }

    /// <summary>String set.</summary>
    [JsonPropertyName("SS")]
    public IReadOnlyList<string>? SS { get; init; }

    /// <summary>Number set.</summary>
    [JsonPropertyName("NS")]
    public IReadOnlyList<string>? NS { get; init; }

    /// <summary>List.</summary>
    [JsonPropertyName("L")]
    public IReadOnlyList<SnapshotValue>? L { get; init; }

    /// <summary>Map.</summary>
    [JsonPropertyName("M")]
    public IReadOnlyDictionary<string, SnapshotValue>? M { get; init; }
}
