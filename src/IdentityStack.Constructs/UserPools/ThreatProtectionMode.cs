namespace IdentityStack.Constructs.UserPools;

/// <summary>
/// Cognito threat protection (formerly advanced security): compromised-credential checks and
/// adaptive authentication. Any mode other than <see cref="Off"/> puts the pool on the Plus tier.
/// </summary>
public enum ThreatProtectionMode
{
    /// <summary>No risk evaluation.</summary>
    Off,

    /// <summary>Risks are evaluated and logged, but no sign-in is blocked or challenged.</summary>
    Audit,

    /// <summary>Risky sign-ins are challenged or blocked, compromised passwords are refused.</summary>
    Enforced,
}
