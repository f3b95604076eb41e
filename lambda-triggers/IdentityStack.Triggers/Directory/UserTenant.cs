using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Triggers.Directory;

/// <summary>
/// Whose tenant a user is in, the one rule every trigger applies (tokens, suspension, profiles,
/// the audit line). A pool user's tenant is <c>custom:tenant_id</c>, which is immutable and which no
/// app client may write, so only an administrator (or the migration import) sets it. A federated
/// user's tenant comes only from their provider's configuration: the provider's fixed tenant, or
/// the tenant the provider asserts (<c>custom:idp_tenant</c>, rewritten by Cognito at every
/// federated sign-in) when it is one of the tenants that provider may assert. A provider configured
/// with neither gives no tenant, whatever <c>custom:idp_tenant</c> holds.
/// </summary>
internal static class UserTenant
{
    /// <summary>What a user whose provider asserts a tenant outside its list is told.</summary>
    public const string ForeignTenantMessage = "Your organisation cannot sign in through this identity provider. Contact your administrator.";

    /// <summary>
    /// The user's tenant by the rule above, or null. Throws <see cref="TriggerRejectedException"/>
    /// when the provider asserts a tenant it may not (outside its list, or malformed): such a user gets
    /// no tokens rather than a tenant the provider may not give.
    /// </summary>
    /// <param name="settings">The providers' tenant settings.</param>
    /// <param name="provider">The user's provider (<see cref="UserOrigin"/>), null for a pool user.</param>
    /// <param name="request">The event's request with the user's attributes.</param>
    public static string? Of(TriggerSettings settings, string? provider, CognitoTriggerRequest request) =>
        Decide(settings, provider, request, out var refused) is var tenant && refused is { } asserted
            ? throw new TriggerRejectedException(ForeignTenantMessage, ForeignTenantNote(provider, asserted), TriggerMetricNames.ForeignProviderTenant)
            : tenant;

    /// <summary>What the log says of a refused tenant: the provider and (shortened) what it asserted.</summary>
    internal static string ForeignTenantNote(string? provider, string asserted) =>
        $"identity provider '{provider}' asserted tenant '{(asserted.Length > 80 ? asserted[..80] + "..." : asserted)}', which is not one of the tenants it may assert: no tokens";

    /// <summary>The user's tenant by the rule above; null too when the provider asserts one it may not (for records that must not fail).</summary>
    public static string? OrNone(TriggerSettings settings, string? provider, CognitoTriggerRequest request) =>
        Decide(settings, provider, request, out _);

    /// <summary>The tenant by the rule; <paramref name="refused"/> is the asserted value when the provider may not assert it, else null.</summary>
    private static string? Decide(TriggerSettings settings, string? provider, CognitoTriggerRequest request, out string? refused)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(request);
        refused = null;
        if (provider is null)
        {
            return request.Attribute(TenantIdAttributeName.Claim);
        }

        if (settings.ProviderFixedTenants.TryGetValue(provider, out var fixedTenant))
        {
            return fixedTenant;
        }

        var asserted = request.Attribute(FederatedAttributeNames.IdpTenantClaim);
        if (!settings.ProviderTenants.TryGetValue(provider, out var allowed) || string.IsNullOrEmpty(asserted))
        {
            return null;
        }

        // The list holds only well-formed tenant ids (checked at synth and at init), so membership
        // also refuses a malformed value.
        if (allowed.Contains(asserted, StringComparer.Ordinal))
        {
            return asserted;
        }

        refused = asserted;
        return null;
    }
}
