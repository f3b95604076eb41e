using IdentityStack.Lambda.CognitoEvents;

namespace IdentityStack.Triggers.Directory;

/// <summary>
/// Whether a user may get tokens now: not when their profile is disabled, nor when their tenant is
/// suspended. Checked at sign-in (pre authentication) and again whenever tokens are issued (pre token
/// generation), because Cognito runs pre authentication only for a sign-in, never for a refresh-token
/// grant, while pre token generation runs for both (developer guide, "Lambda trigger sources":
/// PreAuthentication_Authentication only; TokenGeneration_RefreshTokens "User tries to refresh the
/// identity and access tokens",
/// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html).
/// </summary>
internal static class AccountAccess
{
    public const string DisabledMessage = "This account is disabled. Contact your administrator.";
    public const string SuspendedMessage = "Your organisation's access is suspended. Contact your administrator.";

    /// <summary>
    /// Throws <see cref="TriggerRejectedException"/> when the user with these attributes must not get
    /// tokens; otherwise returns their profile as stored (<see cref="ProfileState.Missing"/> or
    /// <see cref="ProfileState.Active"/>).
    /// </summary>
    /// <param name="directory">The directory of profiles and tenants.</param>
    /// <param name="request">The event's request with the user's attributes.</param>
    /// <param name="tenant">The user's tenant by <see cref="UserTenant"/>'s rule, or null.</param>
    /// <param name="cancellationToken">The invocation's budget.</param>
    public static async Task<StoredProfile> RefuseIfBlockedAsync(IIdentityDirectory directory, CognitoTriggerRequest request, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(request);
        var sub = request.Attribute(UserAttributeNames.Sub);
        var profile = sub is null ? Task.FromResult(StoredProfile.Missing) : directory.GetProfileAsync(sub, cancellationToken);
        var suspended = tenant is null ? Task.FromResult(false) : directory.IsTenantSuspendedAsync(tenant, cancellationToken);
        // Both reads run at once; the awaits below would wait for each anyway.
        // Stryker disable once Statement : removing the wait changes no outcome, only when each read is awaited.
        await Task.WhenAll(profile, suspended).ConfigureAwait(false);

        var stored = await profile.ConfigureAwait(false);
        if (stored.State == ProfileState.Disabled)
        {
            throw new TriggerRejectedException(DisabledMessage);
        }

        if (await suspended.ConfigureAwait(false))
        {
            throw new TriggerRejectedException(SuspendedMessage);
        }

        return stored;
    }
}
