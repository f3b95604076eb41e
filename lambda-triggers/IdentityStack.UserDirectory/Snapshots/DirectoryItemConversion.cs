using Amazon.DynamoDBv2.Model;

namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>DynamoDB's attribute values to and from their snapshot JSON shape.</summary>
public static class DirectoryItemConversion
{
    /// <summary>An item as a snapshot record.</summary>
    public static SnapshotDirectoryItem ToSnapshot(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new SnapshotDirectoryItem(item.ToDictionary(a => a.Key, a => ToSnapshot(a.Value), StringComparer.Ordinal));
    }

    /// <summary>A snapshot record as an item (a Dictionary: what the SDK's requests take).</summary>
#pragma warning disable MA0016 // The SDK's PutItemRequest.Item is a Dictionary.
    public static Dictionary<string, AttributeValue> ToItem(SnapshotDirectoryItem record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Item.ToDictionary(a => a.Key, a => ToAttribute(a.Value, a.Key), StringComparer.Ordinal);
    }
#pragma warning restore MA0016

    private static SnapshotValue ToSnapshot(AttributeValue value) => value switch
    {
        { S: not null } => new SnapshotValue { S = value.S },
        { N: not null } => new SnapshotValue { N = value.N },
        { BOOL: not null } => new SnapshotValue { BOOL = value.BOOL },
        { NULL: true } => new SnapshotValue { NULL = true },
        { SS.Count: > 0 } => new SnapshotValue { SS = [.. value.SS] },
        { NS.Count: > 0 } => new SnapshotValue { NS = [.. value.NS] },
        { M: not null } when value.IsMSet => new SnapshotValue { M = value.M.ToDictionary(a => a.Key, a => ToSnapshot(a.Value), StringComparer.Ordinal) },
        { L: not null } when value.IsLSet => new SnapshotValue { L = [.. value.L.Select(ToSnapshot)] },
        _ => throw new InvalidDataException("a directory item holds a binary or empty attribute value, which the snapshot format does not carry"),
    };

    private static AttributeValue ToAttribute(SnapshotValue value, string name) => value switch
    {
        { S: not null } => new AttributeValue { S = value.S },
        { N: not null } => new AttributeValue { N = value.N },
        { BOOL: not null } => new AttributeValue { BOOL = value.BOOL },
        { NULL: true } => new AttributeValue { NULL = true },
        { SS: not null } => new AttributeValue { SS = [.. value.SS] },
        { NS: not null } => new AttributeValue { NS = [.. value.NS] },
        { M: not null } => new AttributeValue { M = value.M.ToDictionary(a => a.Key, a => ToAttribute(a.Value, a.Key), StringComparer.Ordinal) },
        { L: not null } => new AttributeValue { L = [.. value.L.Select(v => ToAttribute(v, name))] },
        _ => throw new SnapshotRefusedException($"directory item attribute '{name}' has no value; the snapshot is damaged."),
    };
}
