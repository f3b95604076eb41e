using System.Globalization;

namespace IdentityStack.Constructs.SignIn;

/// <summary>
/// What choice-based sign-in needs, one home for the rules (the sign-in options, the construct
/// that checks them against its pool, and the app's configuration reader use these). Cognito
/// refuses a sign-in policy without PASSWORD ("password authentication cannot be disabled") and
/// choice-based sign-in below the Essentials tier (API reference, SignInPolicyType); a pool can send
/// email codes only through SES, SMS codes only with SMS, and passkeys need managed login.
/// </summary>
public static class FirstAuthFactorRules
{
    /// <summary>The CloudFormation name of each factor.</summary>
    public static string ToCfn(this FirstAuthFactor factor) => factor switch
    {
        FirstAuthFactor.Password => "PASSWORD",
        FirstAuthFactor.EmailOtp => "EMAIL_OTP",
        FirstAuthFactor.SmsOtp => "SMS_OTP",
        FirstAuthFactor.WebAuthn => "WEB_AUTHN",
        _ => throw new ArgumentOutOfRangeException(nameof(factor), factor, "Unknown first factor."),
    };

    /// <summary>Whether the factors go beyond a password, so app clients need <c>ALLOW_USER_AUTH</c> and the pool a sign-in policy.</summary>
    public static bool IsChoiceBased(IReadOnlyList<FirstAuthFactor> factors) => factors is not null && factors.Any(f => f != FirstAuthFactor.Password);

    /// <summary>Problems of the list itself and with the hosted UI (property <paramref name="property"/>).</summary>
    public static IReadOnlyList<PropsProblem> Problems(string property, IReadOnlyList<FirstAuthFactor>? factors, HostedUiStyle ui)
    {
        var problems = new List<PropsProblem>();
        var list = factors ?? [];
        var found = "[" + string.Join(", ", list.Select(f => f.ToCfn())) + "]";
        if (!list.Contains(FirstAuthFactor.Password))
        {
            problems.Add(new(property, found, "Cognito keeps password sign-in in every pool: include PASSWORD."));
        }

        if (list.Distinct().Count() != list.Count)
        {
            problems.Add(new(property, found, "list each factor once."));
        }

        if (list.Contains(FirstAuthFactor.WebAuthn) && ui == HostedUiStyle.Classic)
        {
            problems.Add(new(property, found, "passkeys (WEB_AUTHN) work only with managed login (version 2); use \"ui\": \"managed\" or remove WEB_AUTHN."));
        }

        return problems;
    }

    /// <summary>Problems with what the pool can send: email codes need SES, SMS codes need SMS.</summary>
    public static IReadOnlyList<PropsProblem> PoolProblems(string property, IReadOnlyList<FirstAuthFactor>? factors, bool sendsEmailThroughSes, bool sendsSms)
    {
        var problems = new List<PropsProblem>();
        var list = factors ?? [];
        if (list.Contains(FirstAuthFactor.EmailOtp) && !sendsEmailThroughSes)
        {
            problems.Add(new(property, "EMAIL_OTP", "one-time codes by email need the pool to send through SES (the stage's \"email\"); Cognito's default sender is limited to a few messages a day."));
        }

        if (list.Contains(FirstAuthFactor.SmsOtp) && !sendsSms)
        {
            problems.Add(new(property, "SMS_OTP", "one-time codes by SMS need SMS sending (\"sms\": true)."));
        }

        return problems;
    }

    /// <summary>The sign-in domain a passkey is bound to: the custom domain, or the Cognito prefix domain in <paramref name="region"/>.</summary>
    public static string RelyingPartyId(string? domainPrefix, CustomSignInDomain? customDomain, string region) =>
        customDomain?.DomainName ?? string.Create(CultureInfo.InvariantCulture, $"{domainPrefix}.auth.{region}.amazoncognito.com");
}
