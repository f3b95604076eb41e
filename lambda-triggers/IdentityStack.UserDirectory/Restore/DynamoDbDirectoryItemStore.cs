using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.UserDirectory.Restore;

/// <summary>The directory table through DynamoDB: GetItem of the key only, PutItem on <c>attribute_not_exists</c>.</summary>
public sealed class DynamoDbDirectoryItemStore(IAmazonDynamoDB dynamoDb, string table) : IDirectoryItemStore
{
    /// <inheritdoc />
    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            ConsistentRead = true,
            Key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [DirectoryKeys.PartitionKey] = new() { S = key } },
            ProjectionExpression = "#pk",
            ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#pk"] = DirectoryKeys.PartitionKey },
        }, cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 };
    }

    /// <inheritdoc />
    public async Task<bool> PutIfAbsentAsync(IReadOnlyDictionary<string, AttributeValue> item, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = table,
                Item = new Dictionary<string, AttributeValue>(item, StringComparer.Ordinal),
                ConditionExpression = "attribute_not_exists(#pk)",
                ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#pk"] = DirectoryKeys.PartitionKey },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
