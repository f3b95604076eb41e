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

    /// <summary>
    /// The claims a rule may test: those no app client and no user can write. The groups (set by
    /// administrators), the roles and tenant the token trigger puts in, the administrator-set
    /// <c>custom:tenant_id</c>. A rule on <c>name</c>, <c>locale</c>, <c>email</c> or a
    /// <c>custom:idp_*</c> attribute (which clients offering a provider must be able to write)
    /// would let a user choose their own role.
    /// </summary>
    public static readonly IReadOnlySet<string> TrustedClaims = new HashSet<string>(StringComparer.Ordinal)
    {
        "cognito:groups", "roles", "tenant_id", "custom:tenant_id",
    };

    /// <summary>Why this rule's claim may not decide a role, or null when no client can write it.</summary>
    public string? ClaimProblem() =>
        TrustedClaims.Contains(Claim ?? string.Empty)
            ? null
            : $"a user or an app client can write '{Claim}', so a rule on it would let users choose their role; use one of {string.Join(", ", TrustedClaims)}.";

    /// <summary>Why this rule is unsafe, or null: a partial match on a group claim (Contains 'admins' matches 'tenant-admins').</summary>
    public string? Problem() =>
        GroupClaims.Contains(Claim) && Match != RoleMappingMatch.Equals
            ? $"a {Match} rule on '{Claim}' compares part of the claim, so '{Value}' would also match a group such as 'tenant-{Value}'; map a group's role by its exact name with adminGroup (token-based mapping) instead."
            : null;
}
