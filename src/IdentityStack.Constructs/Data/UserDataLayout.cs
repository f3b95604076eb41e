namespace IdentityStack.Constructs.Data;

/// <summary>
/// Where user data lives: the bucket's prefixes and the tables' keys. The identity pool's role
/// policies, the clients and the tests all read these, so the layout is written down once.
/// </summary>
public static class UserDataLayout
{
    /// <summary>Each identity's own objects: <c>private/{identity id}/...</c>.</summary>
    public const string PrivatePrefix = "private/";

    /// <summary>Objects everyone (guests too) may read: <c>public/...</c>.</summary>
    public const string PublicPrefix = "public/";

    /// <summary>Objects shared by a tenant: <c>tenants/{tenant}/...</c>.</summary>
    public const string TenantsPrefix = "tenants/";

    /// <summary>Partition key of both tables: the Cognito identity id.</summary>
    public const string IdentityIdKey = "identityId";

    /// <summary>Sort key of the user data table.</summary>
    public const string ItemKey = "itemId";
}
