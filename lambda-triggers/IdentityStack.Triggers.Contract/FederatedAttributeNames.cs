namespace IdentityStack.Triggers.Contract;

/// <summary>
/// Attributes that only identity providers fill, through attribute mapping. Cognito rewrites mapped
/// attributes at every federated sign-in, so they must be mutable and writable by the app clients
/// that offer the provider; that also lets a signed-in user write them. The triggers therefore read
/// them only for federated users (who have no API access to their own attributes here) and never
/// in place of the administrator-set <see cref="TenantIdAttributeName"/>.
/// </summary>
public static class FederatedAttributeNames
{
    /// <summary>The tenant the identity provider asserts (declared name, without <c>custom:</c>).</summary>
    public const string IdpTenant = "idp_tenant";

    /// <summary>Whether the identity provider verified the email (declared name).</summary>
    public const string IdpEmailVerified = "idp_email_verified";

    /// <summary><see cref="IdpTenant"/> in events and tokens.</summary>
    public const string IdpTenantClaim = "custom:" + IdpTenant;

    /// <summary><see cref="IdpEmailVerified"/> in events and tokens.</summary>
    public const string IdpEmailVerifiedClaim = "custom:" + IdpEmailVerified;

    /// <summary>Longest value Cognito takes into a mapped custom attribute (the developer guide asks for 2048 on attributes mapped from an IdP).</summary>
    public const int MaxLength = 2048;

    /// <summary>The user attribute Cognito sets on federated users (a JSON list of their linked identities).</summary>
    public const string Identities = "identities";
}
