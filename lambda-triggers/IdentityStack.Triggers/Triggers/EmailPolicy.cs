using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Triggers.Contract;
using IdentityStack.Triggers.Directory;

namespace IdentityStack.Triggers.Triggers;

/// <summary>
/// The sign-up email allow-list, held at every token issue, not only at sign-up. With a list set,
/// no user gets tokens unless their email is verified, and, for federated users and for users
/// without an administrator-assigned tenant, at an allowed domain. That closes the paths around the
/// sign-up check: confirming sign-up with a phone code while claiming someone's address (the email
/// stays unverified), changing the email later to another domain (checked again here), and a
/// federated user whose identity provider sends any address (never checked at sign-up in Cognito's
/// flow before this). Users an administrator gave a tenant (<c>custom:tenant_id</c>, which no app
/// client can write) are exempt from the domain, as administrator-created users are at sign-up.
/// </summary>
internal static class EmailPolicy
{
    public const string UnverifiedMessage = "Verify your email address before signing in.";
    public const string DomainMessage = "Sign-in with this email domain is not allowed. Use your organisation's email address.";

    /// <summary>Throws <see cref="TriggerRejectedException"/> when the user may not get tokens under the allow-list.</summary>
    public static void RefuseIfOutside(TriggerSettings settings, CognitoTriggerRequest request)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(request);
        if (settings.AllowedEmailDomains.Count == 0)
        {
            return;
        }

        if (!string.Equals(request.Attribute(UserAttributeNames.EmailVerified), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new TriggerRejectedException(UnverifiedMessage);
        }

        var adminAssignedTenant = !UserTenant.IsFederated(request) && request.Attribute(TenantIdAttributeName.Claim) is not null;
        if (!adminAssignedTenant && !settings.IsAllowedEmail(request.Attribute(UserAttributeNames.Email)))
        {
            throw new TriggerRejectedException(DomainMessage);
        }
    }
}
