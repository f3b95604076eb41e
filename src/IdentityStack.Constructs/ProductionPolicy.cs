using System.Globalization;
using IdentityStack.Constructs.Monitoring;
using IdentityStack.Constructs.SignIn;
using IdentityStack.Constructs.UserPools;

namespace IdentityStack.Constructs;

/// <summary>
/// What a production stage may not weaken, decided by role ("this is production"), not by name.
/// One home for the rules: the options types of the user pool, sign-in and alarms report them from
/// their <c>Problems()</c> when they say <c>Production</c>, so the constructs refuse such props (a
/// NuGet consumer gets the rules too) and the app reports them at their <c>cdk.json</c> paths. The
/// template gate checks the synthesized properties of production stacks as well.
/// </summary>
public static class ProductionPolicy
{
    /// <summary>The template metadata key that marks a production stack for the template gate.</summary>
    public const string TemplateMetadataKey = "IdentityStack:Production";

    /// <summary>The user pool's settings that production forbids weakening.</summary>
    public static IReadOnlyList<PropsProblem> PoolProblems(SecureUserPoolOptions pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var problems = new List<PropsProblem>();
        if (pool.ThreatProtection != ThreatProtectionMode.Enforced)
        {
            problems.Add(new(nameof(pool.ThreatProtection), Upper(pool.ThreatProtection), "production needs threat protection ENFORCED: AUDIT only records risky sign-ins and OFF ignores them, compromised credentials included."));
        }

        if (pool.Mfa != MfaEnforcement.Required)
        {
            problems.Add(new(nameof(pool.Mfa), Upper(pool.Mfa), "production needs MFA REQUIRED for every user."));
        }

        if (pool.RemovalPolicy == Amazon.CDK.RemovalPolicy.DESTROY)
        {
            problems.Add(new(nameof(pool.RemovalPolicy), Upper(pool.RemovalPolicy), "production keeps its users: use RETAIN, so removing the stack never deletes the pool."));
        }

        if (!pool.DeletionProtection)
        {
            problems.Add(new(nameof(pool.DeletionProtection), "false", "production pools keep deletion protection on; a deleted pool and its users cannot be restored."));
        }

        return problems;
    }

    /// <summary>The sign-in settings that production forbids: password sign-in sent in the clear to the API, one-time codes as a first factor (no MFA after them), and callback or logout URLs a third party could serve.</summary>
    public static IReadOnlyList<PropsProblem> SignInProblems(HostedSignInOptions signIn)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        var problems = new List<PropsProblem>();
        if (signIn.AllowPasswordAuth)
        {
            problems.Add(new(nameof(signIn.AllowPasswordAuth), "true", "USER_PASSWORD_AUTH sends the password itself to Cognito and is not allowed in production; remove it (clients use SRP or the hosted pages)."));
        }

        // Cognito's MFA is a second factor after a password (developer guide, "Adding MFA to a user
        // pool": SMS, email or TOTP "as additional factors to sign in your users who have passwords as
        // their primary authentication factor",
        // https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html): a
        // one-time code by email or SMS as the first factor signs a user in with that code alone.
        var oneFactor = (signIn.FirstFactors ?? []).Where(f => f is SignIn.FirstAuthFactor.EmailOtp or SignIn.FirstAuthFactor.SmsOtp).ToList();
        if (oneFactor.Count > 0)
        {
            problems.Add(new(nameof(signIn.FirstFactors), string.Join(", ", oneFactor.Select(SignIn.FirstAuthFactorRules.ToCfn)), "production requires MFA, and Cognito asks for MFA only after a password: a code by email or SMS as the first factor signs a user in with that one factor (a SIM swap or a read mailbox is enough). Offer PASSWORD and WEB_AUTHN (passkeys with user verification) only."));
        }

        foreach (var (property, urls) in new[] { (nameof(signIn.CallbackUrls), signIn.CallbackUrls ?? []), (nameof(signIn.LogoutUrls), signIn.LogoutUrls ?? []) })
        {
            for (var i = 0; i < urls.Count; i++)
            {
                if (!IsPublicHttps(urls[i]))
                {
                    problems.Add(new(string.Create(CultureInfo.InvariantCulture, $"{property}[{i}]"), PropsProblem.Quoted(urls[i]), "production redirects only to https URLs of your own domains, never http or localhost; remove it or use the app's https address."));
                }
            }
        }

        return problems;
    }

    /// <summary>The alarm settings production needs: someone subscribed, so an alarm reaches a person.</summary>
    public static IReadOnlyList<PropsProblem> AlarmProblems(AlarmNotificationsOptions alarms)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        return (alarms.Emails ?? []).Count > 0 || alarms.ExistingTopicArn is not null
            ? []
            : [new(nameof(alarms.Emails), "none (and no existing topic)", "production alarms must reach someone: list on-call addresses in alarms.email and/or an existing SNS topic (paging, chat) in alarms.topicArn; a topic nobody subscribes to delivers every alarm to no one.")];
    }

    private static string Upper<TEnum>(TEnum value)
        where TEnum : struct, Enum => PropsProblem.Quoted(value.ToString().ToUpperInvariant());

    private static bool IsPublicHttps(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal)
        && !uri.IsLoopback
        && !string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase);
}
