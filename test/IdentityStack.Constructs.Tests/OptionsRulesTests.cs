using IdentityStack.Constructs;
using IdentityStack.Constructs.Triggers;

namespace IdentityStack.Constructs.Tests;

/// <summary>
/// The rules a team gets from the construct library alone (no cdk.json, no app): each options type
/// reports every problem with the property, the value found and the fix, and the construct refuses
/// such props before it creates anything. The app reports the same problems at their cdk.json paths.
/// </summary>
public sealed class OptionsRulesTests
{
    private const string CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";

    public static TheoryData<SecureUserPoolOptions, string, string, string> PoolProblems() => new()
    {
        { new() { Email = new SesEmailSettings("arn:aws:ses:eu-west-1:123456789012:identity/example.com", "no-reply@evil.test") }, "Email.FromAddress", "\"no-reply@evil.test\"", "identity 'example.com'" },
        { new() { Email = new SesEmailSettings("arn:aws:ses:eu-west-1:123456789012:identity/ops@example.com", "other@example.com") }, "Email.FromAddress", "\"other@example.com\"", "identity 'ops@example.com'" },
        { new() { Email = new SesEmailSettings("example.com", "a@example.com") }, "Email.IdentityArn", "\"example.com\"", "verified SES identity" },
        { new() { Email = new SesEmailSettings("arn:aws:ses:eu-west-1:123456789012:identity/example.com", "a@example.com", "Evil <x>") }, "Email.FromName", "\"Evil <x>\"", "without <, > or quotes" },
        { new() { RemovalPolicy = RemovalPolicy.DESTROY }, "RemovalPolicy", "\"DESTROY\"", "turn deletion protection off" },
        { new() { Groups = [new UserPoolGroupDefinition("has space", string.Empty, 0)] }, "Groups[0].Name", "\"has space\"", "letters, digits" },
        { new() { Groups = [new UserPoolGroupDefinition("admins", string.Empty, -1)] }, "Groups[0].Precedence", "-1", "from 0" },
        { new() { Groups = [new UserPoolGroupDefinition("admins", "line\nbreak", 0)] }, "Groups[0].Description", "(10 characters)", "one line" },
        { new() { Groups = [new UserPoolGroupDefinition("admins", string.Empty, 0) { Scopes = ["api admin"] }] }, "Groups[0].Scopes[0]", "\"api admin\"", "scope name" },
        { new() { Groups = [null!] }, "Groups[0]", "null", "name, description and precedence" },
    };

    [Theory]
    [MemberData(nameof(PoolProblems))]
    public void User_pool_options_report_the_rule_that_was_broken(SecureUserPoolOptions options, string property, string found, string fixMentions) =>
        AssertSingleProblem(options.Problems(), property, found, fixMentions);

    public static TheoryData<HostedSignInOptions, string, string, string> SignInProblems() => new()
    {
        { SignIn() with { CallbackUrls = ["http://app.example.com/cb"] }, "CallbackUrls[0]", "\"http://app.example.com/cb\"", "http is allowed only for localhost" },
        { SignIn() with { LogoutUrls = ["https://app.example.com/#out"] }, "LogoutUrls[0]", "\"https://app.example.com/#out\"", "without '#'" },
        { SignIn() with { CallbackUrls = [] }, "CallbackUrls", "none", "at least one URL" },
        { SignIn() with { DomainPrefix = "acme-cognito" }, "DomainPrefix", "\"acme-cognito\"", "containing 'cognito'" },
        { SignIn() with { DomainPrefix = "-acme" }, "DomainPrefix", "\"-acme\"", "lower-case letters" },
        { SignIn() with { AccessTokenValidity = Duration.Minutes(2) }, "AccessTokenValidity", "2 minutes", "from 5 minutes to 1 day" },
        { SignIn() with { IdTokenValidity = Duration.Days(2) }, "IdTokenValidity", "2 days", "from 5 minutes to 1 day" },
        { SignIn() with { AccessTokenValidity = Duration.Hours(3), RefreshTokenValidity = Duration.Hours(2) }, "RefreshTokenValidity", "2 hours", "at least as long as the access and ID tokens" },
        { SignIn() with { RefreshTokenRotationGraceSeconds = 61 }, "RefreshTokenRotationGraceSeconds", "61", "0 to 60 seconds" },
        { SignIn() with { ResourceServerIdentifier = "my api" }, "ResourceServerIdentifier", "\"my api\"", "without spaces" },
        { SignIn() with { DomainPrefix = null, CustomDomain = new CustomSignInDomain("auth.example.com", CertificateArn.Replace("us-east-1", "eu-west-1", StringComparison.Ordinal)) }, "CustomDomain.CertificateArn", "\"" + CertificateArn.Replace("us-east-1", "eu-west-1", StringComparison.Ordinal) + "\"", "in us-east-1" },
        { SignIn() with { DomainPrefix = null, CustomDomain = new CustomSignInDomain("auth.other.com", CertificateArn, "Z0123456789ABC", "example.com") }, "CustomDomain.DomainName", "\"auth.other.com\"", "not inside the hosted zone 'example.com'" },
        { SignIn() with { DomainPrefix = null, CustomDomain = new CustomSignInDomain("auth.example.com", CertificateArn, "Z0123456789ABC") }, "CustomDomain.HostedZoneId", "\"Z0123456789ABC\"", "both HostedZoneId and HostedZoneName" },
        { SignIn() with { Production = true, CallbackUrls = ["https://127.0.0.1/cb"] }, "CallbackUrls[0]", "\"https://127.0.0.1/cb\"", "production redirects only to https URLs of your own domains" },
    };

    [Theory]
    [MemberData(nameof(SignInProblems))]
    public void Sign_in_options_report_the_rule_that_was_broken(HostedSignInOptions options, string property, string found, string fixMentions) =>
        AssertSingleProblem(options.Problems(), property, found, fixMentions);

    [Fact]
    public void Valid_options_have_no_problems()
    {
        Assert.Empty(new SecureUserPoolOptions().Problems());
        Assert.Empty(SignIn().Problems());
        Assert.Empty(new CognitoTriggersOptions { AllowedEmailDomains = ["example.com", "mail.example.org"] }.Problems());
    }

    [Theory]
    [InlineData("@example.com")]
    [InlineData("Example.com")]
    [InlineData("")]
    public void Trigger_options_refuse_an_allowed_domain_the_pre_sign_up_trigger_could_not_match(string domain)
    {
        var problem = Assert.Single(new CognitoTriggersOptions { AllowedEmailDomains = ["example.org", domain] }.Problems());

        Assert.Equal("AllowedEmailDomains[1]", problem.Property);
        Assert.Contains("lower-case domain name", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_construct_refuses_with_every_problem_in_one_message_before_creating_anything()
    {
        var stack = new Stack(new App(), "Consumer");

        var error = Assert.Throws<ArgumentException>(() => new SecureUserPool(stack, "Users", new SecureUserPoolProps
        {
            UserPoolName = "users",
            RemovalPolicy = RemovalPolicy.DESTROY,
            Email = new SesEmailSettings("arn:aws:ses:eu-west-1:123456789012:identity/example.com", "no-reply@evil.test"),
        }));

        Assert.Contains("SecureUserPoolProps.Email.FromAddress = \"no-reply@evil.test\": SES only sends from addresses of the identity 'example.com'", error.Message, StringComparison.Ordinal);
        Assert.Contains("SecureUserPoolProps.RemovalPolicy = \"DESTROY\": CloudFormation cannot delete a pool that has deletion protection", error.Message, StringComparison.Ordinal);
        Assert.Empty(stack.Node.FindChild("Users").Node.Children);
    }

    /// <summary>Exactly one problem, at <paramref name="property"/>, showing <paramref name="found"/>, with a fix that mentions <paramref name="fixMentions"/>.</summary>
    private static void AssertSingleProblem(IReadOnlyList<PropsProblem> problems, string property, string found, string fixMentions)
    {
        var problem = Assert.Single(problems);

        Assert.Equal(property, problem.Property);
        Assert.Equal(found, problem.Found);
        Assert.Contains(fixMentions, problem.Fix, StringComparison.Ordinal);
    }

    private static HostedSignInOptions SignIn() => new()
    {
        DomainPrefix = "acme-identity",
        CallbackUrls = ["https://app.example.com/cb", "http://localhost:5173/cb"],
        LogoutUrls = ["https://app.example.com/"],
    };
}
