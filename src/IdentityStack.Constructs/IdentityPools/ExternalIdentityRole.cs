namespace IdentityStack.Constructs.IdentityPools;

/// <summary>
/// Which role identities get that did not sign in through this user pool (social, OIDC, SAML and
/// developer providers of the identity pool): they skip the pool's allow-list, MFA, threat
/// protection and suspension, so they never get the admin role, and may get a role of their own.
/// </summary>
public enum ExternalIdentityRole
{
    /// <summary>The authenticated role, shared with the user pool's users (tenant prefix included when tags are on; they carry no tenant tag).</summary>
    Authenticated,

    /// <summary>
    /// A role of their own: their own data and public reads, never a tenant prefix. The authenticated
    /// role then trusts only identities from this user pool.
    /// </summary>
    Own,

    /// <summary>
    /// A role of their own that only reads: their own files and items, public files and the
    /// leaderboard; no writes, no uploads, never a tenant prefix. What a production identity pool
    /// needs to take social tokens directly (<see cref="SecureIdentityPoolOptions.PublicProviders"/>).
    /// </summary>
    ReadOnly,
}
