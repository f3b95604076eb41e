namespace IdentityStack.Constructs.UserPools;

/// <summary>The bounds Cognito puts on password policy values.</summary>
public static class PasswordPolicyLimits
{
    /// <summary>Shortest minimum length Cognito accepts.</summary>
    public const int MinLengthLowest = 6;

    /// <summary>Longest minimum length Cognito accepts.</summary>
    public const int MinLengthHighest = 99;

    /// <summary>Longest temporary password validity, in days.</summary>
    public const int TemporaryPasswordValidityDaysHighest = 365;

    /// <summary>Largest password history Cognito keeps.</summary>
    public const int PasswordHistorySizeHighest = 24;
}
