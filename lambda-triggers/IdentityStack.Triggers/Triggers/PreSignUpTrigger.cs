using System.Text.RegularExpressions;
using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Triggers.Contract;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Directory;

namespace IdentityStack.Triggers.Triggers;

/// <summary>
/// Pre sign-up: only addresses of allowed email domains may sign up (self sign-up and first
/// federated sign-in; administrators may create anyone), a tenant id must be well-formed, and
/// users from an external identity provider are confirmed. A federated user's email is marked
/// verified only when the provider says it verified it (<c>email_verified</c>, mapped to
/// <c>custom:idp_email_verified</c>) or the provider is configured as trusted for email; an
/// unverified federated address must never become a verified one that could match a local user's.
/// </summary>
internal sealed partial class PreSignUpTrigger(TriggerSettings settings)
{
    public const string SignUpDomainMessage = "Sign-up with this email domain is not allowed. Use your organisation's email address.";

    public ValueTask<PreSignUpEvent> HandleAsync(PreSignUpEvent e, ILambdaContext context, CancellationToken cancellationToken)
    {
        var attributes = e.Request;
        var isExternal = string.Equals(e.TriggerSource, CognitoTriggerSources.PreSignUpExternalProvider, StringComparison.Ordinal);
        var isAdmin = string.Equals(e.TriggerSource, CognitoTriggerSources.PreSignUpAdminCreateUser, StringComparison.Ordinal);

        var provider = isExternal ? UserOrigin.ProviderOfUserName(e.UserName) : null;
        var email = attributes.Attribute(UserAttributeNames.Email);
        if (!isAdmin && settings.AllowedEmailDomains.Count > 0 && !settings.IsExemptFromAllowList(provider))
        {
            if (string.IsNullOrWhiteSpace(email))
            {
                throw new TriggerRejectedException("An email address is required to sign up.");
            }

            if (!settings.IsAllowedEmail(email))
            {
                throw new TriggerRejectedException(SignUpDomainMessage);
            }
        }

        // The user's tenant by the one rule (a federated user's refused when the provider asserts one
        // it may not; a pool user's is custom:tenant_id), and an administrator-given one must be well-formed.
        var tenant = UserTenant.Of(settings, provider, attributes);
        if (provider is null && tenant is not null && !TenantIdPattern().IsMatch(tenant))
        {
            throw new TriggerRejectedException("The organisation id is not valid. Use 1-64 lower-case letters, digits or hyphens.");
        }

        if (provider is not null)
        {
            e.Response.AutoConfirmUser = true;
            var providerVerified = string.Equals(attributes.Attribute(FederatedAttributeNames.IdpEmailVerifiedClaim), "true", StringComparison.OrdinalIgnoreCase);
            e.Response.AutoVerifyEmail = !string.IsNullOrEmpty(email) && (providerVerified || settings.TrustedEmailProviders.Contains(provider));
        }

        return ValueTask.FromResult(e);
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex TenantIdPattern();
}
