namespace IdentityStack.Constructs.UserPools;

/// <summary>Password rules. The defaults follow current guidance for internet-facing pools.</summary>
public sealed record PasswordPolicySettings
{
    /// <summary>Minimum length (Cognito allows 6 to 99). Default 12.</summary>
    public int MinLength { get; init; } = 12;

    /// <summary>Require lower case, upper case, digits and symbols. Default true.</summary>
    public bool RequireAllCharacterClasses { get; init; } = true;

    /// <summary>Days an administrator-issued temporary password stays valid (1 to 365). Default 3.</summary>
    public int TemporaryPasswordValidityDays { get; init; } = 3;

    /// <summary>How many previous passwords a user may not reuse (0 to 24; needs the Essentials or Plus tier). Default 5.</summary>
    public int PasswordHistorySize { get; init; } = 5;
}
