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

    /// <summary>Claims that list the user's groups; only whole-value rules are safe on them.</summary>
    private static readonly HashSet<string> GroupClaims = new(StringComparer.Ordinal) { "cognito:groups", "roles" };

    /// <summary>Why this rule is unsafe, or null: a partial match on a group claim (Contains 'admins' matches 'tenant-admins').</summary>
    public string? Problem() =>
        GroupClaims.Contains(Claim) && Match != RoleMappingMatch.Equals
            ? $"a {Match} rule on '{Claim}' compares part of the claim, so '{Value}' would also match a group such as 'tenant-{Value}'; map a group's role by its exact name with adminGroup (token-based mapping) instead."
            : null;
}
