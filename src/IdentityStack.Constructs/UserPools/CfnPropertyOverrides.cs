namespace IdentityStack.Constructs.UserPools;

/// <summary>
/// CloudFormation properties newer than the CDK version this library is built on
/// (Amazon.CDK.Lib 2.160), set as L1 property overrides. Each is checked against the current
/// CloudFormation schema by the template gate.
/// </summary>
internal static class CfnPropertyOverrides
{
    /// <summary>AWS::Cognito::UserPool feature plan: LITE, ESSENTIALS or PLUS.</summary>
    public const string UserPoolTier = "UserPoolTier";

    /// <summary>AWS::Cognito::UserPool previous passwords a user may not reuse (0-24).</summary>
    public const string PasswordHistorySize = "Policies.PasswordPolicy.PasswordHistorySize";

    /// <summary>The CloudFormation spelling of a tier.</summary>
    public static string ToCfn(this CognitoTier tier) => tier switch
    {
        CognitoTier.Lite => "LITE",
        CognitoTier.Essentials => "ESSENTIALS",
        CognitoTier.Plus => "PLUS",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown Cognito tier."),
    };
}
