using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Triggers.Directory;

/// <summary>
/// Whose tenant a user is in, the one rule every trigger applies (tokens, suspension, profiles):
/// a federated user's tenant comes only from their identity provider (<c>custom:idp_tenant</c>,
/// rewritten by Cognito at every federated sign-in); anyone else's only from <c>custom:tenant_id</c>,
/// which is immutable and which no app client may write, so only an administrator (or the migration
/// import) sets it. A user can set neither value for themselves in a way the triggers would read.
/// </summary>
internal static class UserTenant
{
    /// <summary>Whether Cognito created the user from an external identity provider (they carry <c>identities</c>).</summary>
    public static bool IsFederated(CognitoTriggerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return !string.IsNullOrEmpty(request.Attribute(FederatedAttributeNames.Identities));
    }

    /// <summary>The user's tenant by the rule above, or null.</summary>
    public static string? Of(CognitoTriggerRequest request) =>
        IsFederated(request)
            ? request.Attribute(FederatedAttributeNames.IdpTenantClaim)
            : request.Attribute(TenantIdAttributeName.Claim);
}
