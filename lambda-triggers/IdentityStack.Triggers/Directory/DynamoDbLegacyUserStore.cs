using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Triggers.Directory;

/// <summary>
/// Legacy users in a DynamoDB table keyed by <c>username</c> (lower case), with <c>email</c>,
/// <c>email_verified</c> (bool), optional <c>tenant_id</c> and <c>password_hash</c>.
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
        if (item is not { Count: > 0 } || !item.TryGetValue("email", out var email) || !item.TryGetValue("password_hash", out var hash))
        {
            return null;
        }

        return new LegacyUser(
            item[KeyAttribute].S,
            email.S,
            item.TryGetValue("email_verified", out var verified) && verified.BOOL == true,
            item.TryGetValue("tenant_id", out var tenant) ? tenant.S : null,
            hash.S);
    }
}
