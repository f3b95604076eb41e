using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Triggers.Triggers;

/// <summary>
/// The sign-up email allow-list, held at every token issue, not only at sign-up. With a list set,
/// no user gets tokens unless their email is verified, and, for federated users and for users
/// without an administrator-assigned tenant, at an allowed domain or a subdomain of one. That closes
/// the paths around the sign-up check: confirming sign-up with a phone code while claiming someone's
/// address (the email stays unverified), changing the email later to another domain (checked again
/// here), and a federated user whose identity provider sends any address. Users an administrator
/// gave a tenant (<c>custom:tenant_id</c>, which no app client can write) are exempt from the
/// domain, as administrator-created users are at sign-up.
/// <para>
/// A federated user's email counts as verified only by what their provider says now: its
/// <c>email_verified</c> (mapped to <c>custom:idp_email_verified</c>, which Cognito rewrites at every
/// federated sign-in) or the provider being trusted for email. The pool's own <c>email_verified</c>
/// is not read for them: it is set once, at their first sign-in, and would keep a provider's later
/// "not verified" from counting. Users of a provider exempt from the list are not checked at all.
/// </para>
/// </summary>
internal static class EmailPolicy
{
    public const string UnverifiedMessage = "Verify your email address before signing in.";
    public const string DomainMessage = "Sign-in with this email domain is not allowed. Use your organisation's email address.";

    /// <summary>Throws <see cref="TriggerRejectedException"/> when the user may not get tokens under the allow-list.</summary>
    /// <param name="settings">The allow-list and the providers' email settings.</param>
    /// <param name="provider">The user's identity provider (<see cref="Directory.UserOrigin"/>), null for a pool user.</param>
    /// <param name="request">The event's request with the user's attributes.</param>
    public static void RefuseIfOutside(TriggerSettings settings, string? provider, CognitoTriggerRequest request)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(request);
        if (settings.IsExemptFromAllowList(provider))
        {
            return;
        }

        var verified = provider is null
            ? IsTrue(request.Attribute(UserAttributeNames.EmailVerified))
            : settings.TrustedEmailProviders.Contains(provider) || IsTrue(request.Attribute(FederatedAttributeNames.IdpEmailVerifiedClaim));
        var administratorTenant = provider is null && request.Attribute(TenantIdAttributeName.Claim) is not null;
        if (Refusal(settings, verified, request.Attribute(UserAttributeNames.Email), administratorTenant) is { } refusal)
        {
            throw new TriggerRejectedException(refusal);
        }
    }

    /// <summary>
    /// The allow-list's answer for one address, wherever a user is given access (the token trigger,
    /// the API's developer login): null when they may have it, else the sentence they read,
    /// <see cref="UnverifiedMessage"/> or <see cref="DomainMessage"/>.
    /// </summary>
    /// <param name="settings">The allow-list.</param>
    /// <param name="verified">Whether the address counts as verified.</param>
    /// <param name="email">The address.</param>
    /// <param name="administratorTenant">Whether an administrator gave the user a tenant (exempt from the domain, not from verification).</param>
    public static string? Refusal(TriggerSettings settings, bool verified, string? email, bool administratorTenant)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.AllowedEmailDomains.Count == 0)
        {
            return null;
        }

        if (!verified)
        {
            return UnverifiedMessage;
        }

        return administratorTenant || settings.IsAllowedEmail(email) ? null : DomainMessage;
    }

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
