using Amazon.CDK.AWS.IAM;
using IdentityStack.Constructs.Data;

namespace IdentityStack.Constructs.IdentityPools;

/// <summary>
/// What each identity pool role may do with the <see cref="UserDataStore"/>, written with policy
/// variables so one policy serves every identity: IAM puts the caller's identity id into
/// <c>${cognito-identity.amazonaws.com:sub}</c> and the tenant session tag into
/// <c>${aws:PrincipalTag/tenant}</c> at request time.
/// </summary>
public static class IdentityPoolRolePolicies
{
    private static readonly string OwnPrefix = UserDataLayout.PrivatePrefix + CognitoIdentityKeys.IdentityIdVariable + "/";
    private static readonly string TenantPrefix = UserDataLayout.TenantsPrefix + CognitoIdentityKeys.TenantTagVariable + "/";
    private static readonly string[] ItemReads = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"];
    private static readonly string[] ItemWrites = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"];

    /// <summary>Signed-in users: read public/; read, write, delete and list only private/{own id}/; own user data items; read the leaderboard, write only their own entry; with tenants, their tenant's prefix.</summary>
    public static IReadOnlyList<PolicyStatement> Authenticated(UserDataStore data, bool tenantPrefix)
    {
        ArgumentNullException.ThrowIfNull(data);
        var statements = new List<PolicyStatement>
        {
            Allow("OwnFiles", ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], data.Bucket.ArnForObjects(OwnPrefix + "*")),
            ListPrefixes(data, "ListOwnAndPublic", OwnPrefix, UserDataLayout.PublicPrefix),
            Allow("ReadPublic", ["s3:GetObject"], data.Bucket.ArnForObjects(UserDataLayout.PublicPrefix + "*")),
            OwnItems("OwnUserData", [.. ItemReads, .. ItemWrites], data.UserDataTable.TableArn),
            Allow("ReadLeaderboard", [.. ItemReads, "dynamodb:Scan"], data.LeaderboardTable.TableArn),
            OwnItems("WriteOwnLeaderboardEntry", ItemWrites, data.LeaderboardTable.TableArn),
        };
        if (tenantPrefix)
        {
            var tenantFiles = Allow("TenantFiles", ["s3:GetObject", "s3:PutObject"], data.Bucket.ArnForObjects(TenantPrefix + "*"));
            tenantFiles.AddCondition("Null", new Dictionary<string, object>(StringComparer.Ordinal) { [CognitoIdentityKeys.TenantTagKey] = "false" });
            statements.Add(tenantFiles);
        }

        return statements;
    }

    /// <summary>Identities of the identity pool's other providers when they may only read: their own files and items, public/ and the leaderboard; no writes.</summary>
    public static IReadOnlyList<PolicyStatement> ExternalReadOnly(UserDataStore data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return
        [
            Allow("ReadOwnFiles", ["s3:GetObject"], data.Bucket.ArnForObjects(OwnPrefix + "*")),
            ListPrefixes(data, "ListOwnAndPublic", OwnPrefix, UserDataLayout.PublicPrefix),
            Allow("ReadPublic", ["s3:GetObject"], data.Bucket.ArnForObjects(UserDataLayout.PublicPrefix + "*")),
            OwnItems("ReadOwnUserData", ItemReads, data.UserDataTable.TableArn),
            Allow("ReadLeaderboard", [.. ItemReads, "dynamodb:Scan"], data.LeaderboardTable.TableArn),
        ];
    }

    /// <summary>Guests: read public/ and the leaderboard; nothing private, no writes.</summary>
    public static IReadOnlyList<PolicyStatement> Guest(UserDataStore data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return
        [
            ListPrefixes(data, "ListPublic", UserDataLayout.PublicPrefix),
            Allow("ReadPublic", ["s3:GetObject"], data.Bucket.ArnForObjects(UserDataLayout.PublicPrefix + "*")),
            Allow("ReadLeaderboard", [.. ItemReads, "dynamodb:Scan"], data.LeaderboardTable.TableArn),
        ];
    }

    /// <summary>Admins: everything signed-in users may, plus publishing and removing under public/.</summary>
    public static IReadOnlyList<PolicyStatement> Admin(UserDataStore data, bool tenantPrefix)
    {
        ArgumentNullException.ThrowIfNull(data);
        return [.. Authenticated(data, tenantPrefix), Allow("PublishPublic", ["s3:PutObject", "s3:DeleteObject"], data.Bucket.ArnForObjects(UserDataLayout.PublicPrefix + "*"))];
    }

    private static PolicyStatement Allow(string sid, string[] actions, string resource) => new(new PolicyStatementProps
    {
        Sid = sid,
        Effect = Effect.ALLOW,
        Actions = actions,
        Resources = [resource],
    });

    /// <summary>ListBucket only where the listing prefix is one of <paramref name="prefixes"/> (or below it).</summary>
    private static PolicyStatement ListPrefixes(UserDataStore data, string sid, params string[] prefixes)
    {
        var statement = Allow(sid, ["s3:ListBucket"], data.Bucket.BucketArn);
        statement.AddCondition("StringLike", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["s3:prefix"] = prefixes.SelectMany(p => new[] { p, p + "*" }).ToArray(),
        });
        return statement;
    }

    /// <summary>
    /// Item actions only when every partition key touched is the caller's identity id. The Null
    /// check matters: ForAllValues is true for a request with no keys at all.
    /// </summary>
    private static PolicyStatement OwnItems(string sid, string[] actions, string tableArn)
    {
        var statement = Allow(sid, actions, tableArn);
        statement.AddCondition("ForAllValues:StringEquals", new Dictionary<string, object>(StringComparer.Ordinal) { ["dynamodb:LeadingKeys"] = new[] { CognitoIdentityKeys.IdentityIdVariable } });
        statement.AddCondition("Null", new Dictionary<string, object>(StringComparer.Ordinal) { ["dynamodb:LeadingKeys"] = "false" });
        return statement;
    }
}
