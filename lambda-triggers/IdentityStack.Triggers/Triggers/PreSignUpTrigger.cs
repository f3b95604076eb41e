using System.Text.RegularExpressions;
using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Triggers.Contract;
using IdentityStack.Lambda.Runtime;

namespace IdentityStack.Triggers.Triggers;

/// <summary>
/// Pre sign-up: only addresses of allowed email domains may sign up (self sign-up and first
/// federated sign-in; administrators may create anyone), a tenant id must be well-formed, and
/// users from an external identity provider are confirmed and their email verified.
/// </summary>
internal sealed partial class PreSignUpTrigger(TriggerSettings settings)
{
    public ValueTask<PreSignUpEvent> HandleAsync(PreSignUpEvent e, ILambdaContext context, CancellationToken cancellationToken)
    {
        var attributes = e.Request;
        var isExternal = string.Equals(e.TriggerSource, CognitoTriggerSources.PreSignUpExternalProvider, StringComparison.Ordinal);
        var isAdmin = string.Equals(e.TriggerSource, CognitoTriggerSources.PreSignUpAdminCreateUser, StringComparison.Ordinal);

        var email = attributes.Attribute(UserAttributeNames.Email);
        if (!isAdmin && settings.AllowedEmailDomains.Count > 0)
        {
            if (string.IsNullOrWhiteSpace(email))
            {
                throw new TriggerRejectedException("An email address is required to sign up.");
            }

            if (!IsAllowed(DomainOf(email)))
            {
                throw new TriggerRejectedException("Sign-up with this email domain is not allowed. Use your organisation's email address.");
            }
        }

        var tenant = attributes.Attribute(TenantIdAttributeName.Claim);
        if (tenant is not null && !TenantIdPattern().IsMatch(tenant))
        {
            throw new TriggerRejectedException("The organisation id is not valid. Use 1-64 lower-case letters, digits or hyphens.");
        }

        if (isExternal)
        {
            e.Response.AutoConfirmUser = true;
            e.Response.AutoVerifyEmail = !string.IsNullOrEmpty(email);
        }

        return ValueTask.FromResult(e);
    }

    private bool IsAllowed(string domain) =>
        settings.AllowedEmailDomains.Any(allowed =>
            string.Equals(domain, allowed, StringComparison.Ordinal) || domain.EndsWith("." + allowed, StringComparison.Ordinal));

    private static string DomainOf(string email) => email[(email.LastIndexOf('@') + 1)..].Trim().ToLowerInvariant();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$", RegexOptions.ExplicitCapture, 100)]
    private static partial Regex TenantIdPattern();
}
