using Amazon.DynamoDBv2.Model;

namespace IdentityStack.UserDirectory.Export;

/// <summary>The directory table, a page at a time from a key (null: the start); the next key is null on the last page.</summary>
public interface IDirectoryTableScan
{
    /// <summary>One page of items after <paramref name="startKey"/>.</summary>
    Task<(IReadOnlyList<Dictionary<string, AttributeValue>> Items, string? NextKey)> ScanAsync(string? startKey, CancellationToken cancellationToken);
}
