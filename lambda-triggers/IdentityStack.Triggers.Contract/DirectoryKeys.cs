namespace IdentityStack.Triggers.Contract;

/// <summary>The directory table's key layout (partition key <c>pk</c>), which IAM conditions also name.</summary>
public static class DirectoryKeys
{
    /// <summary>The partition key attribute.</summary>
    public const string PartitionKey = "pk";

    /// <summary>Prefix of user profile items: <c>USER#{sub}</c>.</summary>
    public const string UserPrefix = "USER#";

    /// <summary>Prefix of tenant items: <c>TENANT#{id}</c>.</summary>
    public const string TenantPrefix = "TENANT#";

    /// <summary>The status of a tenant item: <see cref="TenantSuspended"/> or <see cref="TenantActive"/>; no item is active.</summary>
    public const string TenantStatusAttribute = "status";

    /// <summary>A suspended tenant: its users get no tokens, at sign-in and at every token issue.</summary>
    public const string TenantSuspended = "SUSPENDED";

    /// <summary>An active tenant.</summary>
    public const string TenantActive = "ACTIVE";

    /// <summary>
    /// Prefix of machine client items: <c>CLIENT#{app client id}</c>, written at deploy by the
    /// machine client registration custom resource, read by pre token generation for
    /// client-credentials tokens. They carry <see cref="MachineTenantAttribute"/> (optional) and
    /// <see cref="MachineScopesAttribute"/>.
    /// </summary>
    public const string MachineClientPrefix = "CLIENT#";

    /// <summary>
    /// The tenant of a machine client item. Not <see cref="TenantAttribute"/>, so that machine clients
    /// stay out of <see cref="TenantIndex"/> (the tenant's user listing).
    /// </summary>
    public const string MachineTenantAttribute = "clientTenantId";

    /// <summary>
    /// Which custom resource wrote a machine client item (<c>{stack id}|{logical id}</c>): a delete
    /// removes the item only when it is still its own, never one a newer registration wrote.
    /// </summary>
    public const string MachineOwnerAttribute = "registeredBy";

    /// <summary>The scopes a machine client's tokens may carry (a list of full scope names).</summary>
    public const string MachineScopesAttribute = "scopes";

    /// <summary>The tenant attribute of profile items (absent on tenant items and on users without a tenant).</summary>
    public const string TenantAttribute = "tenantId";

    /// <summary>
    /// The global secondary index of profiles by tenant: partition key <see cref="TenantAttribute"/>,
    /// sort key <see cref="PartitionKey"/>. Sparse: only profile items with a tenant are in it, so a
    /// query on one tenant reads exactly that tenant's users (the admin listing).
    /// </summary>
    public const string TenantIndex = "tenant-users";

    /// <summary>
    /// Prefix of the developer login's failure counters: <c>LOGIN#{SHA-256 of the lower-case
    /// username, hex}</c> (a hash, so no username is stored and any length fits the key). They carry
    /// the failure count, the last failure's time and <see cref="TimeToLiveAttribute"/>.
    /// </summary>
    public const string LoginAttemptsPrefix = "LOGIN#";

    /// <summary>The directory table's time-to-live attribute (epoch seconds): DynamoDB removes an item some time after it passes.</summary>
    public const string TimeToLiveAttribute = "expiresAt";

    /// <summary>Set on a legacy user's item (ISO 8601) when the user migration trigger imported them: their legacy password then opens nothing.</summary>
    public const string LegacyMigratedAttribute = "migrated_at";

    /// <summary>Partition key of the legacy users table.</summary>
    public const string LegacyUserKey = "username";
}
