namespace IdentityStack.Tenants;

/// <summary>What identity-tenant does to (or reads of) one tenant.</summary>
internal enum TenantAction
{
    /// <summary>Write the tenant's item, ACTIVE; refused when it exists.</summary>
    Create,

    /// <summary>Mark the tenant SUSPENDED: its users get no tokens, at sign-in and at every token issue.</summary>
    Suspend,

    /// <summary>Mark the tenant ACTIVE again.</summary>
    Resume,

    /// <summary>Print the tenant's status and how many users it has.</summary>
    Show,

    /// <summary>Print the tenant's users, one per line.</summary>
    ListUsers,

    /// <summary>Export the tenant's users (the backup's format), then, once confirmed, disable them and suspend the tenant.</summary>
    Offboard,
}
