using IdentityStack.Constructs.IdentityPools;

namespace IdentityStack.App.Configuration;

/// <summary>A stage's identity pool (<c>stages.{name}.identityPool</c>).</summary>
internal sealed record IdentityPoolConfig
{
    public bool AllowGuests { get; init; }

    public PublicLoginProviders PublicProviders { get; init; } = new();

    public IReadOnlyList<string> OpenIdConnectProviderArns { get; init; } = [];

    public IReadOnlyList<string> SamlProviderArns { get; init; } = [];

    public string? DeveloperProviderName { get; init; }

    /// <summary>The group whose members get the admin role (token-based mapping); null for none.</summary>
    public string? AdminGroup { get; init; }

    /// <summary>Rules-based mapping; empty means token-based.</summary>
    public IReadOnlyList<RoleMappingRule> RoleMappingRules { get; init; } = [];

    public bool TenantTags { get; init; } = true;

    /// <summary>The role of identities from the other providers (social, OIDC, SAML, developer).</summary>
    public ExternalIdentityRole ExternalIdentities { get; init; } = ExternalIdentityRole.Authenticated;
}
