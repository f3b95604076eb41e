using Amazon.CDK;

namespace IdentityStack.Constructs.UserPools;

/// <summary>
/// Options for <see cref="SecureUserPool"/>. Every default is the secure choice: leaving a field
/// out never weakens the pool.
/// </summary>
public sealed class SecureUserPoolProps
{
    /// <summary>Pool name shown in the console, e.g. <c>identity-prod</c>.</summary>
    public required string UserPoolName { get; init; }

    /// <summary>Whether anyone may sign up from the hosted UI or the SignUp API. Default false.</summary>
    public bool SelfSignUpEnabled { get; init; }

    /// <summary>Second-factor policy. Default <see cref="MfaEnforcement.Required"/>.</summary>
    public MfaEnforcement Mfa { get; init; } = MfaEnforcement.Required;

    /// <summary>Threat protection mode. Default <see cref="ThreatProtectionMode.Enforced"/> (Plus tier).</summary>
    public ThreatProtectionMode ThreatProtection { get; init; } = ThreatProtectionMode.Enforced;

    /// <summary>Refuse DeleteUserPool while set. Default true.</summary>
    public bool DeletionProtection { get; init; } = true;

    /// <summary>What CloudFormation does with the pool when it leaves the stack. Default RETAIN.</summary>
    public RemovalPolicy RemovalPolicy { get; init; } = RemovalPolicy.RETAIN;

    /// <summary>Password rules. Default: 12+ characters, all classes, 3-day temporary passwords, history of 5.</summary>
    public PasswordPolicySettings PasswordPolicy { get; init; } = new();

    /// <summary>Send email through SES; null uses Cognito's default sender. Default null.</summary>
    public SesEmailSettings? Email { get; init; }

    /// <summary>
    /// Let Cognito send SMS (phone verification, SMS MFA, recovery by phone) through an IAM role
    /// with an external id. Off means email-only verification and recovery, and TOTP-only MFA.
    /// Default false.
    /// </summary>
    public bool SmsEnabled { get; init; }

    /// <summary>
    /// Whether this pool serves production: then threat protection must be ENFORCED, MFA REQUIRED,
    /// deletion protection on and the removal policy RETAIN (<see cref="ProductionPolicy"/>), and the
    /// stack's template is marked so the template gate checks the synthesized properties too.
    /// Default false.
    /// </summary>
    public bool Production { get; init; }

    /// <summary>Groups to create, with precedence. Default none.</summary>
    public IReadOnlyList<UserPoolGroupDefinition> Groups { get; init; } = [];
}
