using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Triggers.Directory;

/// <summary>
/// The directory in one DynamoDB table keyed by <c>pk</c>: <c>USER#{sub}</c> profile items
/// (optional <c>disabled</c> flag), <c>TENANT#{id}</c> items (<c>status</c> ACTIVE or SUSPENDED) and
/// <c>CLIENT#{app client id}</c> items of machine clients (tenant and scopes), and <c>LOGIN#{hash}</c>
/// failure counters of the developer login (removed by DynamoDB's time to live).
/// </summary>
internal sealed class DynamoDbIdentityDirectory(IAmazonDynamoDB dynamoDb, string tableName) : IIdentityDirectory, IMachineClientRegistry, Api.IUserListing, Api.IDeveloperLoginDirectory
{
    public const string KeyAttribute = DirectoryKeys.PartitionKey;
    public const string SuspendedStatus = DirectoryKeys.TenantSuspended;

    /// <summary>The status of a tenant item (<see cref="SuspendedStatus"/> or ACTIVE).</summary>
    public const string StatusAttribute = DirectoryKeys.TenantStatusAttribute;

    /// <summary>The flag of a disabled profile.</summary>
    public const string DisabledAttribute = "disabled";

    public static string UserKey(string sub) => DirectoryKeys.UserPrefix + sub;

    public static string TenantKey(string tenantId) => DirectoryKeys.TenantPrefix + tenantId;

    public static string MachineClientKey(string clientId) => DirectoryKeys.MachineClientPrefix + clientId;

    public async Task<bool> CreateProfileIfAbsentAsync(UserProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [KeyAttribute] = new() { S = UserKey(profile.Sub) },
            ["sub"] = new() { S = profile.Sub },
            ["userPoolId"] = new() { S = profile.UserPoolId },
            ["userName"] = new() { S = profile.UserName },
            ["createdAt"] = new() { S = profile.CreatedAt.ToString("O", CultureInfo.InvariantCulture) },
        };
        if (profile.Email is not null)
        {
            item["email"] = new AttributeValue { S = profile.Email };
        }

        if (profile.TenantId is not null)
        {
            item[DirectoryKeys.TenantAttribute] = new AttributeValue { S = profile.TenantId };
        }

        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = item,
                ConditionExpression = "attribute_not_exists(#pk)",
                ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#pk"] = KeyAttribute },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task<bool> IsTenantSuspendedAsync(string tenantId, CancellationToken cancellationToken)
    {
        var item = await GetAsync(TenantKey(tenantId), cancellationToken, ("#a", StatusAttribute)).ConfigureAwait(false);
        return item is not null && item.TryGetValue(StatusAttribute, out var status) && string.Equals(status.S, SuspendedStatus, StringComparison.Ordinal);
    }

    public async Task<StoredProfile> GetProfileAsync(string userSub, CancellationToken cancellationToken)
    {
        var item = await GetAsync(UserKey(userSub), cancellationToken, ("#d", DisabledAttribute), ("#t", DirectoryKeys.TenantAttribute)).ConfigureAwait(false);
        if (item is null)
        {
            return StoredProfile.Missing;
        }

        var state = item.TryGetValue(DisabledAttribute, out var disabled) && disabled.BOOL == true ? ProfileState.Disabled : ProfileState.Active;
        return new StoredProfile(state, item.TryGetValue(DirectoryKeys.TenantAttribute, out var tenant) && !string.IsNullOrEmpty(tenant.S) ? tenant.S : null);
    }

    public async Task MoveProfileToTenantAsync(string userSub, string? tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userSub);
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["#pk"] = KeyAttribute, ["#t"] = DirectoryKeys.TenantAttribute };
        try
        {
            // Removing the attribute takes the profile out of the sparse tenant index: listed to no tenant.
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(UserKey(userSub)),
                UpdateExpression = tenantId is null ? "REMOVE #t" : "SET #t = :t",
                ConditionExpression = "attribute_exists(#pk)",
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = tenantId is null ? null : new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":t"] = new() { S = tenantId } },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // The profile was deleted meanwhile: nothing to move, and no item is created here.
        }
    }

    public async Task<MachineClient?> GetMachineClientAsync(string clientId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        var item = await GetAsync(MachineClientKey(clientId), cancellationToken, ("#t", DirectoryKeys.MachineTenantAttribute), ("#s", DirectoryKeys.MachineScopesAttribute)).ConfigureAwait(false);
        if (item is null)
        {
            return null;
        }

        var tenant = item.TryGetValue(DirectoryKeys.MachineTenantAttribute, out var t) && !string.IsNullOrEmpty(t.S) ? t.S : null;
        var scopes = item.TryGetValue(DirectoryKeys.MachineScopesAttribute, out var s) && s.SS is { } set ? set : [];
        return new MachineClient(clientId, tenant, scopes);
    }

    public async Task RegisterAsync(MachineClient client, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [KeyAttribute] = new() { S = MachineClientKey(client.ClientId) },
            [DirectoryKeys.MachineOwnerAttribute] = new() { S = owner },
            // A string set: DynamoDB refuses an empty one, and a machine client always has a scope.
            [DirectoryKeys.MachineScopesAttribute] = new() { SS = [.. client.Scopes] },
        };
        if (client.TenantId is not null)
        {
            item[DirectoryKeys.MachineTenantAttribute] = new AttributeValue { S = client.TenantId };
        }

        await dynamoDb.PutItemAsync(new PutItemRequest { TableName = tableName, Item = item }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> UnregisterAsync(string clientId, string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        try
        {
            // Items written before owners were recorded have none: their resource may remove them.
            await dynamoDb.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = tableName,
                Key = Key(MachineClientKey(clientId)),
                ConditionExpression = "attribute_not_exists(#o) OR #o = :o",
                ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#o"] = DirectoryKeys.MachineOwnerAttribute },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":o"] = new() { S = owner } },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task<Api.UserPage> ListUsersAsync(string tenant, int limit, Api.UserListingCursor? after, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = tableName,
            IndexName = DirectoryKeys.TenantIndex,
            KeyConditionExpression = "#tenant = :tenant",
            ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#tenant"] = DirectoryKeys.TenantAttribute },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":tenant"] = new() { S = tenant } },
            Limit = limit,
            // The index key of the last user of the page before: always the caller's own tenant.
            ExclusiveStartKey = after is null ? null : new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [DirectoryKeys.TenantAttribute] = new() { S = tenant },
                [KeyAttribute] = new() { S = after.LastUserKey },
            },
        }, cancellationToken).ConfigureAwait(false);
        var users = (response.Items ?? []).Select(i => new Api.UserSummary(
            i.TryGetValue("sub", out var sub) ? sub.S : string.Empty,
            i.TryGetValue("userName", out var name) ? name.S : string.Empty,
            i.TryGetValue("email", out var email) ? email.S : null,
            i.TryGetValue(DirectoryKeys.TenantAttribute, out var t) ? t.S : null)).ToList();
        var next = response.LastEvaluatedKey is { Count: > 0 } last && last.TryGetValue(KeyAttribute, out var key) && key.S is not null
            ? new Api.UserListingCursor(key.S)
            : null;
        return new Api.UserPage(users, next);
    }

    private const string FailuresAttribute = "failures";
    private const string LastFailureAttribute = "lastFailureAt";

    public async Task<Api.LoginAttempts> GetLoginAttemptsAsync(string userName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Key(DirectoryKeys.LoginAttemptsPrefix + userName),
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        // DynamoDB removes expired items some time after they expire: one not yet removed counts as none.
        if (response.Item is not { Count: > 0 } item
            || !item.TryGetValue(DirectoryKeys.TimeToLiveAttribute, out var expires) || !long.TryParse(expires.N, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || expiresAt <= now.ToUnixTimeSeconds())
        {
            return Api.LoginAttempts.None;
        }

        var failures = item.TryGetValue(FailuresAttribute, out var f) && int.TryParse(f.N, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var last = item.TryGetValue(LastFailureAttribute, out var l) && DateTimeOffset.TryParse(l.S, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        return new Api.LoginAttempts(failures, last);
    }

    public async Task RecordLoginFailureAsync(string userName, DateTimeOffset now, bool startOver, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        await dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = Key(DirectoryKeys.LoginAttemptsPrefix + userName),
            UpdateExpression = startOver ? "SET #f = :one, #l = :now, #x = :expires" : "SET #f = if_not_exists(#f, :zero) + :one, #l = :now, #x = :expires",
            ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#f"] = FailuresAttribute, ["#l"] = LastFailureAttribute, ["#x"] = DirectoryKeys.TimeToLiveAttribute },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [":one"] = new() { N = "1" },
                [":now"] = new() { S = now.ToString("O", CultureInfo.InvariantCulture) },
                [":expires"] = new() { N = (now + Api.LoginAttempts.Window).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                [":zero"] = new() { N = "0" },
            }.Where(v => !startOver || !string.Equals(v.Key, ":zero", StringComparison.Ordinal)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task ClearLoginAttemptsAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        await dynamoDb.DeleteItemAsync(new DeleteItemRequest { TableName = tableName, Key = Key(DirectoryKeys.LoginAttemptsPrefix + userName) }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The item under <paramref name="key"/> with only the key and the <paramref name="projected"/>
    /// attributes (each under its placeholder, e.g. <c>("#d", "disabled")</c>), or null when there is
    /// none. The key is projected too: an item that exists without the other attributes must not read
    /// as missing, and attributes without the key are no item.
    /// </summary>
    private async Task<Dictionary<string, AttributeValue>?> GetAsync(string key, CancellationToken cancellationToken, params (string Placeholder, string Attribute)[] projected)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["#pk"] = KeyAttribute };
        foreach (var (placeholder, attribute) in projected)
        {
            names[placeholder] = attribute;
        }

        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Key(key),
            ProjectionExpression = string.Join(", ", names.Keys),
            ExpressionAttributeNames = names,
        }, cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item && item.ContainsKey(KeyAttribute) ? item : null;
    }

    private static Dictionary<string, AttributeValue> Key(string key) =>
        new(StringComparer.Ordinal) { [KeyAttribute] = new() { S = key } };
}
