namespace IdentityStack.Constructs;

/// <summary>
/// What a production stage may not weaken, decided by role ("this is production"), not by name.
/// One home for the rules: the constructs refuse props that break them (so a NuGet consumer who sets
/// <c>Production</c> gets them too) and the app's configuration reader reports them with their
/// <c>cdk.json</c> path. Each problem names the setting (<see cref="ProductionProblem.Setting"/>) and
/// the fix. The template gate checks the synthesized properties of production stacks as well.
/// </summary>
public static class ProductionPolicy
{
    /// <summary>The template metadata key that marks a production stack for the template gate.</summary>
    public const string TemplateMetadataKey = "IdentityStack:Production";

    /// <summary>The user pool's settings that production forbids weakening.</summary>
    public static IReadOnlyList<ProductionProblem> PoolProblems(UserPools.ThreatProtectionMode threatProtection, UserPools.MfaEnforcement mfa, bool destroyOnRemoval, bool deletionProtection)
    {
        var problems = new List<ProductionProblem>();
        if (threatProtection != UserPools.ThreatProtectionMode.Enforced)
        {
            problems.Add(new("threatProtection", "production needs threat protection ENFORCED: AUDIT only records risky sign-ins and OFF ignores them, compromised credentials included."));
        }

        if (mfa != UserPools.MfaEnforcement.Required)
        {
            problems.Add(new("mfa", "production needs MFA REQUIRED for every user."));
        }

        if (destroyOnRemoval)
        {
            problems.Add(new("removalPolicy", "production keeps its users: use RETAIN, so removing the stack never deletes the pool."));
        }

        if (!deletionProtection)
        {
            problems.Add(new("deletionProtection", "production pools keep deletion protection on; a deleted pool and its users cannot be restored."));
        }

        return problems;
    }

    /// <summary>The sign-in settings that production forbids: password sign-in sent in the clear to the API, and callback or logout URLs a third party could serve.</summary>
    public static IReadOnlyList<ProductionProblem> SignInProblems(bool allowPasswordAuth, IReadOnlyList<string> callbackUrls, IReadOnlyList<string> logoutUrls)
    {
        ArgumentNullException.ThrowIfNull(callbackUrls);
        ArgumentNullException.ThrowIfNull(logoutUrls);
        var problems = new List<ProductionProblem>();
        if (allowPasswordAuth)
        {
            problems.Add(new("allowPasswordAuth", "USER_PASSWORD_AUTH sends the password itself to Cognito and is not allowed in production; remove it (clients use SRP or the hosted pages)."));
        }

        foreach (var (field, urls) in new[] { ("callbackUrls", callbackUrls), ("logoutUrls", logoutUrls) })
        {
            for (var i = 0; i < urls.Count; i++)
            {
                if (!IsPublicHttps(urls[i]))
                {
                    problems.Add(new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{field}[{i}]"), $"production redirects only to https URLs of your own domains, never http or localhost ('{urls[i]}'); remove it or use the app's https address."));
                }
            }
        }

        return problems;
    }

    /// <summary>The alarm settings production needs: someone subscribed, so an alarm reaches a person.</summary>
    public static IReadOnlyList<ProductionProblem> AlarmProblems(int emailCount, bool hasExistingTopic) =>
        emailCount > 0 || hasExistingTopic
            ? []
            : [new("alarms", "production alarms must reach someone: list on-call addresses in alarms.email and/or an existing SNS topic (paging, chat) in alarms.topicArn; a topic nobody subscribes to delivers every alarm to no one.")];

    private static bool IsPublicHttps(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal)
        && !uri.IsLoopback
        && !string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase);
}
