using Amazon.CDK.AWS.Cognito;
using IdentityStack.Constructs.Data;
using IdentityStack.Constructs.UserPools;

namespace IdentityStack.Constructs.IdentityPools;

/// <summary>Options for <see cref="SecureIdentityPool"/>. Defaults: no guests, token-based role mapping, tenant tags on.</summary>
public sealed record SecureIdentityPoolProps
{
    /// <summary>The user pool whose tokens the identity pool accepts (with a server-side token check).</summary>
    public required SecureUserPool UserPool { get; init; }

    /// <summary>The user pool app clients whose ID tokens are accepted; at least one.</summary>
    public required IReadOnlyList<IUserPoolClient> Clients { get; init; }

    /// <summary>The bucket and tables the roles reach.</summary>
    public required UserDataStore Data { get; init; }

    /// <summary>Give guests (no sign-in) credentials for public data. Default false.</summary>
    public bool AllowGuests { get; init; }

    /// <summary>Social providers whose tokens are taken directly; default none.</summary>
    public PublicLoginProviders PublicProviders { get; init; } = new();

    /// <summary>ARNs of IAM OIDC providers whose tokens are taken; default none.</summary>
    public IReadOnlyList<string> OpenIdConnectProviderArns { get; init; } = [];

    /// <summary>ARNs of IAM SAML providers whose assertions are taken; default none.</summary>
    public IReadOnlyList<string> SamlProviderArns { get; init; } = [];

    /// <summary>Developer provider name for developer-authenticated identities (your backend vouches for the user); default none.</summary>
    public string? DeveloperProviderName { get; init; }

    /// <summary>
    /// The user pool group whose members get the admin role through token-based mapping
    /// (the group's role becomes <c>cognito:preferred_role</c>). Default none.
    /// </summary>
    public string? AdminGroup { get; init; }

    /// <summary>Rules-based role mapping (first match wins); empty means token-based mapping from groups.</summary>
    public IReadOnlyList<RoleMappingRule> RoleMappingRules { get; init; } = [];

    /// <summary>
    /// The role of identities from the identity pool's other providers (social, OIDC, SAML, developer).
    /// Default <see cref="ExternalIdentityRole.Authenticated"/>; <see cref="ExternalIdentityRole.Own"/>
    /// gives them a role of their own and limits the authenticated role to this user pool.
    /// </summary>
    public ExternalIdentityRole ExternalIdentities { get; init; } = ExternalIdentityRole.Authenticated;

    /// <summary>Map the user's custom:tenant_id to the session tag "tenant" (ABAC) and grant tenants/{tenant}/. Default true.</summary>
    public bool TenantTags { get; init; } = true;
}
