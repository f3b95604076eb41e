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

    /// <summary>The tenant attribute of profile items (absent on tenant items and on users without a tenant).</summary>
    public const string TenantAttribute = "tenantId";

    /// <summary>
    /// The global secondary index of profiles by tenant: partition key <see cref="TenantAttribute"/>,
    /// sort key <see cref="PartitionKey"/>. Sparse: only profile items with a tenant are in it, so a
    /// query on one tenant reads exactly that tenant's users (the admin listing).
    /// </summary>
    public const string TenantIndex = "tenant-users";

    /// <summary>Partition key of the legacy users table.</summary>
    public const string LegacyUserKey = "username";
}
