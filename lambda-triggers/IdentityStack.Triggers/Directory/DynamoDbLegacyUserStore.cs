using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Triggers.Directory;

/// <summary>
/// Legacy users in a DynamoDB table keyed by <c>username</c> (lower case), with <c>email</c>,
/// <c>email_verified</c> (bool), optional <c>tenant_id</c>, <c>password_hash</c>, and
/// <c>migrated_at</c> once the user was imported into the pool.
/// </summary>
internal sealed class DynamoDbLegacyUserStore(IAmazonDynamoDB dynamoDb, string tableName) : ILegacyUserStore
{
    public const string KeyAttribute = DirectoryKeys.LegacyUserKey;

    public async Task<LegacyUser?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [KeyAttribute] = new() { S = userName.ToLowerInvariant() } },
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        var item = response.Item;
        // Stryker disable once Equality : an empty item fails the lookups after it anyway; the count only answers "no item" first.
        if (item is not { Count: > 0 } || !item.TryGetValue("email", out var email) || !item.TryGetValue("password_hash", out var hash))
        {
            return null;
        }

        return new LegacyUser(
            item[KeyAttribute].S,
            email.S,
            item.TryGetValue("email_verified", out var verified) && verified.BOOL == true,
            item.TryGetValue("tenant_id", out var tenant) ? tenant.S : null,
            hash.S)
        {
            // Any value marks a migrated user, even one this code cannot read as a time: fail closed.
            MigratedAt = item.TryGetValue(DirectoryKeys.LegacyMigratedAttribute, out var migrated) && migrated.S is { Length: > 0 } at
                ? DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when) ? when : DateTimeOffset.MinValue
                : null,
        };
    }

    public async Task MarkMigratedAsync(string userName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [KeyAttribute] = new() { S = userName.ToLowerInvariant() } },
                UpdateExpression = "SET #m = if_not_exists(#m, :at)",
                ConditionExpression = "attribute_exists(#k)",
                ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#m"] = DirectoryKeys.LegacyMigratedAttribute, ["#k"] = KeyAttribute },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":at"] = new() { S = at.ToString("O", CultureInfo.InvariantCulture) } },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // Not a legacy user: nothing to mark, and no item is created.
        }
    }
}
