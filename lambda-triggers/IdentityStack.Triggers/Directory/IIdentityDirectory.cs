namespace IdentityStack.Triggers.Directory;

/// <summary>User profiles and tenants, as the triggers need them.</summary>
internal interface IIdentityDirectory
{
    /// <summary>Creates the profile unless it exists; returns false when it already did (Cognito retried).</summary>
    Task<bool> CreateProfileIfAbsentAsync(UserProfile profile, CancellationToken cancellationToken);

    /// <summary>Whether the tenant is suspended (an unknown tenant is not).</summary>
    Task<bool> IsTenantSuspendedAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Whether the user has a profile, and whether it carries the disabled flag.</summary>
    Task<ProfileState> GetProfileStateAsync(string userSub, CancellationToken cancellationToken);

    /// <summary>The machine client registered under this app client id, or null when none is.</summary>
    Task<MachineClient?> GetMachineClientAsync(string clientId, CancellationToken cancellationToken);
}
