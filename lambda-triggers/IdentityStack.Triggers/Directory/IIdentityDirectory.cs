namespace IdentityStack.Triggers.Directory;

/// <summary>User profiles and tenants, as the triggers need them.</summary>
internal interface IIdentityDirectory
{
    /// <summary>Creates the profile unless it exists; returns false when it already did (Cognito retried).</summary>
    Task<bool> CreateProfileIfAbsentAsync(UserProfile profile, CancellationToken cancellationToken);

    /// <summary>Whether the tenant is suspended (an unknown tenant is not).</summary>
    Task<bool> IsTenantSuspendedAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Whether the user has a profile, whether it carries the disabled flag, and the tenant it is listed under.</summary>
    Task<StoredProfile> GetProfileAsync(string userSub, CancellationToken cancellationToken);

    /// <summary>
    /// Lists an existing profile under <paramref name="tenantId"/> (or under none, when null), so a
    /// user whose tenant changed is listed to their new tenant's administrators only. Does nothing
    /// when the profile no longer exists.
    /// </summary>
    Task MoveProfileToTenantAsync(string userSub, string? tenantId, CancellationToken cancellationToken);

    /// <summary>The machine client registered under this app client id, or null when none is.</summary>
    Task<MachineClient?> GetMachineClientAsync(string clientId, CancellationToken cancellationToken);
}
