using Amazon.CDK;
using IdentityStack.Constructs.UserPools;

namespace IdentityStack.App.Configuration;

/// <summary>
/// Reads the user pool's fields of <c>stages.{name}</c> (production, selfSignUp, mfa, mfaFactors,
/// threatProtection, deletionProtection, removalPolicy, email, sms, groups). The rules live in
/// <see cref="SecureUserPoolOptions.Problems"/>; they are reported here at their cdk.json paths.
/// </summary>
internal static class UserPoolConfigReader
{
    /// <summary>The configuration names of the options' properties where they differ from the camel-cased property path.</summary>
    private static readonly Dictionary<string, string> ConfigNames = new(StringComparer.Ordinal)
    {
        [nameof(SecureUserPoolOptions.SelfSignUpEnabled)] = "selfSignUp",
        [nameof(SecureUserPoolOptions.SmsEnabled)] = "sms",
        [nameof(SecureUserPoolOptions.Email) + "." + nameof(SesEmailSettings.IdentityArn)] = "email.sesIdentityArn",
        [nameof(SecureUserPoolOptions.Email) + "." + nameof(SesEmailSettings.ReplyToAddress)] = "email.replyTo",
    };

    private static readonly IReadOnlyDictionary<string, MfaEnforcement> MfaChoices = JsonObjectReader.UpperCaseChoices<MfaEnforcement>();

    private static readonly IReadOnlyDictionary<string, MfaFactor> MfaFactorChoices = JsonObjectReader.UpperCaseChoices<MfaFactor>();

    private static readonly IReadOnlyDictionary<string, ThreatProtectionMode> ThreatProtectionChoices = JsonObjectReader.UpperCaseChoices<ThreatProtectionMode>();

    private static readonly Dictionary<string, RemovalPolicy> RemovalPolicyChoices = new(StringComparer.Ordinal)
    {
        ["RETAIN"] = RemovalPolicy.RETAIN,
        ["DESTROY"] = RemovalPolicy.DESTROY,
    };

    /// <summary>The pool's settings read from the stage object; every problem is recorded on <paramref name="stage"/>.</summary>
    public static SecureUserPoolOptions Read(JsonObjectReader stage)
    {
        var options = new SecureUserPoolOptions
        {
            Production = stage.Bool("production", defaultValue: false),
            SelfSignUpEnabled = stage.Bool("selfSignUp", defaultValue: false),
            Mfa = stage.Choice("mfa", MfaEnforcement.Required, MfaChoices),
            MfaFactors = stage.Has("mfaFactors") ? stage.Choices("mfaFactors", MfaFactorChoices) : null,
            ThreatProtection = stage.Choice("threatProtection", ThreatProtectionMode.Enforced, ThreatProtectionChoices),
            DeletionProtection = stage.Bool("deletionProtection", defaultValue: true),
            RemovalPolicy = stage.Choice("removalPolicy", RemovalPolicy.RETAIN, RemovalPolicyChoices),
            Email = ReadEmail(stage.Object("email")),
            SmsEnabled = stage.Bool("sms", defaultValue: false),
            Groups = GroupsConfigReader.Read(stage),
        };
        stage.PropsProblems(options.Problems(), ConfigNames);
        return options;
    }

    /// <summary><c>email</c>: the SES identity and sender (which must belong to the identity: the settings' rule).</summary>
    private static SesEmailSettings? ReadEmail(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var arn = reader.RequiredText("sesIdentityArn", "use the ARN of a verified SES identity, e.g. \"arn:aws:ses:eu-west-1:123456789012:identity/example.com\", or remove \"email\" to use Cognito's default sender.");
        var from = reader.RequiredText("fromAddress", "use the sender address, e.g. \"no-reply@example.com\".");
        var fromName = reader.OptionalText("fromName", "use a short display name without <, > or quotes, e.g. \"Example Sign-in\".");
        var replyTo = reader.OptionalText("replyTo", "use an email address, e.g. \"support@example.com\".");
        reader.RejectUnknownFields();
        return arn is null || from is null ? null : new SesEmailSettings(arn, from, fromName, replyTo);
    }
}
