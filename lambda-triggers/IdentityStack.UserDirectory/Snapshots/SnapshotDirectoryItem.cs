namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>An item of the directory table, attribute by attribute in DynamoDB's own JSON shape ({"S": ...}, {"N": ...}, ...).</summary>
public sealed record SnapshotDirectoryItem(IReadOnlyDictionary<string, SnapshotValue> Item)
{
    /// <summary>The item's partition key value, or null when it has none (never written by the platform).</summary>
    public string? Key => Item.TryGetValue(IdentityStack.Triggers.Contract.DirectoryKeys.PartitionKey, out var key) ? key.S : null;
}
