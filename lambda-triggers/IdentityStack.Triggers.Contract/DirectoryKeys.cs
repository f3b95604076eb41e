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

    /// <summary>Partition key of the legacy users table.</summary>
    public const string LegacyUserKey = "username";
}
