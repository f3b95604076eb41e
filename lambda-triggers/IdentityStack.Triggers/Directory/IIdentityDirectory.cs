namespace IdentityStack.Triggers.Directory;

/// <summary>User profiles and tenants, as the triggers need them.</summary>
internal interface IIdentityDirectory
{
    /// <summary>Creates the profile unless it exists; returns false when it already did (Cognito retried).</summary>
    Task<bool> CreateProfileIfAbsentAsync(UserProfile profile, CancellationToken cancellationToken);

    /// <summary>Whether the tenant is suspended (an unknown tenant is not).</summary>
    Task<bool> IsTenantSuspendedAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Whether the user's profile carries the disabled flag.</summary>
    Task<bool> IsUserDisabledAsync(string userSub, CancellationToken cancellationToken);
}
