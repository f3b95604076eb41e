using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.UserDirectory.Export;

/// <summary>Scans the directory table (partition key <see cref="DirectoryKeys.PartitionKey"/> only) with strongly consistent reads, a page of up to 1 MB a call; the SDK retries throttled calls with back-off.</summary>
public sealed class DynamoDbDirectoryTableScan(IAmazonDynamoDB dynamoDb, string table) : IDirectoryTableScan
{
    /// <inheritdoc />
    public async Task<(IReadOnlyList<Dictionary<string, AttributeValue>> Items, string? NextKey)> ScanAsync(string? startKey, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.ScanAsync(new ScanRequest
        {
            TableName = table,
            ConsistentRead = true,
            ExclusiveStartKey = startKey is null ? null : new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [DirectoryKeys.PartitionKey] = new() { S = startKey } },
        }, cancellationToken).ConfigureAwait(false);
        var next = response.LastEvaluatedKey is { Count: > 0 } last && last.TryGetValue(DirectoryKeys.PartitionKey, out var key) ? key.S : null;
        return (response.Items ?? [], next);
    }
}
