using System.Globalization;
using Amazon.CDK;

namespace IdentityStack.Constructs.UserPools;

/// <summary>
/// The user pool's settings, apart from its name (see <see cref="SecureUserPoolProps"/>): what a
/// configuration file can say. Every default is the secure choice: leaving a field out never
/// weakens the pool. <see cref="Problems"/> is the one home of the rules; <see cref="SecureUserPool"/>
/// refuses settings with problems, and the app reports them at their cdk.json paths.
/// </summary>
public record SecureUserPoolOptions
{
    /// <summary>Whether anyone may sign up from the hosted UI or the SignUp API. Default false.</summary>
    public bool SelfSignUpEnabled { get; init; }

    /// <summary>Second-factor policy. Default <see cref="MfaEnforcement.Required"/>.</summary>
    public MfaEnforcement Mfa { get; init; } = MfaEnforcement.Required;

    /// <summary>
    /// The second factors users may set up when MFA is on. Default null: an authenticator app (TOTP),
    /// plus SMS when <see cref="SmsEnabled"/>. Email codes need SES sending (<see cref="Email"/>); the
    /// pool's email MFA text is the message catalogue's English "Authentication" message (the custom
    /// message trigger sends it in the user's language).
    /// </summary>
    public IReadOnlyList<MfaFactor>? MfaFactors { get; init; }

    /// <summary>The second factors in effect: <see cref="MfaFactors"/>, or its default.</summary>
    public IReadOnlyList<MfaFactor> EffectiveMfaFactors => MfaFactors ?? (SmsEnabled ? [MfaFactor.Totp, MfaFactor.Sms] : [MfaFactor.Totp]);

    /// <summary>Threat protection mode. Default <see cref="ThreatProtectionMode.Enforced"/> (Plus tier).</summary>
    public ThreatProtectionMode ThreatProtection { get; init; } = ThreatProtectionMode.Enforced;

    /// <summary>Refuse DeleteUserPool while set. Default true.</summary>
    public bool DeletionProtection { get; init; } = true;

    /// <summary>What CloudFormation does with the pool (and the stage's other stateful resources) when it leaves the stack. Default RETAIN.</summary>
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

    /// <summary>Groups to create, with precedence and the scopes they add. Default none.</summary>
    public IReadOnlyList<UserPoolGroupDefinition> Groups { get; init; } = [];

    /// <summary>Every problem of these settings at once (empty when there are none).</summary>
    public virtual IReadOnlyList<PropsProblem> Problems()
    {
        var problems = new List<PropsProblem>();
        var policy = PasswordPolicy ?? new PasswordPolicySettings();
        Range(problems, "PasswordPolicy.MinLength", policy.MinLength, PasswordPolicyLimits.MinLengthLowest, PasswordPolicyLimits.MinLengthHighest);
        Range(problems, "PasswordPolicy.TemporaryPasswordValidityDays", policy.TemporaryPasswordValidityDays, 1, PasswordPolicyLimits.TemporaryPasswordValidityDaysHighest);
        Range(problems, "PasswordPolicy.PasswordHistorySize", policy.PasswordHistorySize, 0, PasswordPolicyLimits.PasswordHistorySizeHighest);
        problems.AddRange(GroupProblems());
        if (Email is not null)
        {
            problems.AddRange(Email.Problems().Select(p => p.Under(nameof(Email))));
        }

        problems.AddRange(MfaFactorProblems());
        if (RemovalPolicy == RemovalPolicy.DESTROY && DeletionProtection)
        {
            problems.Add(new(nameof(RemovalPolicy), "\"DESTROY\"", "CloudFormation cannot delete a pool that has deletion protection; turn deletion protection off for a throwaway stage, or use RETAIN."));
        }

        if (Production)
        {
            problems.AddRange(ProductionPolicy.PoolProblems(this));
        }

        return problems;
    }

    private IEnumerable<PropsProblem> MfaFactorProblems()
    {
        if (MfaFactors is not { } factors)
        {
            yield break;
        }

        var found = "[" + string.Join(", ", factors.Select(f => f.ToString().ToUpperInvariant())) + "]";
        if (Mfa == MfaEnforcement.Off)
        {
            yield return new(nameof(MfaFactors), found, "second factors apply only with MFA OPTIONAL or REQUIRED; remove them or turn MFA on.");
            yield break;
        }

        if (factors.Count == 0 || factors.Distinct().Count() != factors.Count)
        {
            yield return new(nameof(MfaFactors), found, "list each second factor once, at least one of TOTP, SMS, EMAIL.");
        }

        if (factors.Contains(MfaFactor.Sms) && !SmsEnabled)
        {
            yield return new(nameof(MfaFactors), found, "SMS codes need SMS sending; turn SMS on or remove SMS.");
        }

        if (factors.Contains(MfaFactor.Email) && Email is null)
        {
            yield return new(nameof(MfaFactors), found, "email codes need the pool to send through SES (Cognito's default sender cannot send MFA codes); configure Email or remove EMAIL.");
        }
    }

    private IEnumerable<PropsProblem> GroupProblems() =>
        PropsProblem.OfNamedItems(
            nameof(Groups), Groups, g => g.Problems(), g => g.Name,
            "give each group a name, description and precedence.",
            "group names must be unique within a pool; remove or rename the duplicate.");

    private static void Range(List<PropsProblem> problems, string property, int value, int lowest, int highest)
    {
        if (value < lowest || value > highest)
        {
            problems.Add(new(property, value.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"use a value from {lowest} to {highest}.")));
        }
    }
}
