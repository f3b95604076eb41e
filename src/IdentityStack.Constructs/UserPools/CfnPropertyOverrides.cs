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

    /// <summary>AWS::Cognito::UserPool second factors; set whole when email is one (the CDK's MfaSecondFactor has no email).</summary>
    public const string EnabledMfas = "EnabledMfas";

    /// <summary>AWS::Cognito::UserPool subject of email MFA codes.</summary>
    public const string EmailAuthenticationSubject = "EmailAuthenticationSubject";

    /// <summary>AWS::Cognito::UserPool text of email MFA codes; must contain <c>{####}</c>.</summary>
    public const string EmailAuthenticationMessage = "EmailAuthenticationMessage";

    /// <summary>The CloudFormation name of a second factor.</summary>
    public static string ToCfn(MfaFactor factor) => factor switch
    {
        MfaFactor.Totp => "SOFTWARE_TOKEN_MFA",
        MfaFactor.Sms => "SMS_MFA",
        MfaFactor.Email => "EMAIL_OTP",
        _ => throw new ArgumentOutOfRangeException(nameof(factor), factor, "Unknown second factor."),
    };

    /// <summary>The CloudFormation spelling of a tier.</summary>
    public static string ToCfn(this CognitoTier tier) => tier switch
    {
        CognitoTier.Lite => "LITE",
        CognitoTier.Essentials => "ESSENTIALS",
        CognitoTier.Plus => "PLUS",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown Cognito tier."),
    };
}
