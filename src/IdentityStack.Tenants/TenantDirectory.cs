using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using IdentityStack.Operations;
using IdentityStack.Triggers.Contract;
using IdentityStack.UserDirectory.Restore;

namespace IdentityStack.Tenants;

/// <summary>
/// A stage's tenants in its directory table, by the contract the triggers read
/// (<see cref="DirectoryKeys"/>): the item <c>TENANT#{id}</c> with its status, and the users whose
/// profile carries the tenant (the <c>tenant-users</c> index). No item is an active tenant.
/// </summary>
internal sealed class TenantDirectory(IAmazonDynamoDB dynamoDb, string table)
{
    private const string ChangedAt = "updatedAt";
    private const string ChangedBy = "updatedBy";

    /// <summary>Writes the tenant ACTIVE; false when its item exists already (nothing written).</summary>
    public Task<bool> CreateAsync(string tenant, string who, DateTimeOffset when, CancellationToken cancellationToken) =>
        new DynamoDbDirectoryItemStore(dynamoDb, table).PutIfAbsentAsync(
            new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [DirectoryKeys.PartitionKey] = new() { S = Key(tenant) },
                [DirectoryKeys.TenantStatusAttribute] = new() { S = DirectoryKeys.TenantActive },
                [ChangedAt] = new() { S = OperationsRun.Timestamp(when) },
                [ChangedBy] = new() { S = who },
            },
            cancellationToken);

    /// <summary>
    /// Sets the tenant's status, creating its item when there is none (a tenant that only its users'
    /// profiles name can be suspended too); records who changed it and when.
    /// </summary>
    public Task SetStatusAsync(string tenant, string status, string who, DateTimeOffset when, CancellationToken cancellationToken) =>
        dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table,
            Key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [DirectoryKeys.PartitionKey] = new() { S = Key(tenant) } },
            UpdateExpression = "SET #s = :s, #at = :at, #by = :by",
            ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["#s"] = DirectoryKeys.TenantStatusAttribute,
                ["#at"] = ChangedAt,
                ["#by"] = ChangedBy,
            },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [":s"] = new() { S = status },
                [":at"] = new() { S = OperationsRun.Timestamp(when) },
                [":by"] = new() { S = who },
            },
        }, cancellationToken);

    /// <summary>The tenant's status (ACTIVE when it has no item), and who last changed it, when.</summary>
    public async Task<(string Status, string? ChangedBy, string? ChangedAt, bool HasItem)> StatusAsync(string tenant, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [DirectoryKeys.PartitionKey] = new() { S = Key(tenant) } },
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        var item = response.Item;
        if (item is null || item.Count == 0)
        {
            return (DirectoryKeys.TenantActive, null, null, false);
        }

        string? Text(string name) => item.TryGetValue(name, out var value) ? value.S : null;
        return (Text(DirectoryKeys.TenantStatusAttribute) ?? DirectoryKeys.TenantActive, Text(ChangedBy), Text(ChangedAt), true);
    }

    /// <summary>The subs of the tenant's users (profiles that carry the tenant), every page of the index.</summary>
    public async IAsyncEnumerable<string> UsersAsync(string tenant, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.QueryAsync(new QueryRequest
            {
                TableName = table,
                IndexName = DirectoryKeys.TenantIndex,
                KeyConditionExpression = "#t = :t",
                ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#t"] = DirectoryKeys.TenantAttribute },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":t"] = new() { S = tenant } },
                ExclusiveStartKey = start,
            }, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items ?? [])
            {
                if (item.TryGetValue(DirectoryKeys.PartitionKey, out var key) && key.S is { } pk && pk.StartsWith(DirectoryKeys.UserPrefix, StringComparison.Ordinal))
                {
                    yield return pk[DirectoryKeys.UserPrefix.Length..];
                }
            }

            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
    }

    /// <summary>The whole item with partition key <paramref name="key"/>, or null when there is none.</summary>
    public async Task<Dictionary<string, AttributeValue>?> ItemAsync(string key, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [DirectoryKeys.PartitionKey] = new() { S = key } },
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    /// <summary>The partition key of the tenant's item.</summary>
    public static string Key(string tenant) => DirectoryKeys.TenantPrefix + tenant;
}
