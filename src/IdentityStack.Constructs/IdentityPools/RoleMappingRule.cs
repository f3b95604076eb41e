namespace IdentityStack.Constructs.IdentityPools;

/// <summary>One rule of rules-based role mapping: when the token's <see cref="Claim"/> matches, the identity gets <see cref="Role"/>.</summary>
public sealed record RoleMappingRule
{
    /// <summary>The ID token claim, e.g. "custom:tenant_id" or "cognito:groups".</summary>
    public required string Claim { get; init; }

    /// <summary>How the claim is compared.</summary>
    public required RoleMappingMatch Match { get; init; }

    /// <summary>The value compared with.</summary>
    public required string Value { get; init; }

    /// <summary>The role given on a match.</summary>
    public required IdentityPoolRole Role { get; init; }
}
