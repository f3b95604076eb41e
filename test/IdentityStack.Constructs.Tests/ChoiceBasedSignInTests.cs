using System.Text.Json;

namespace IdentityStack.Constructs.Tests;

/// <summary>
/// Choice-based sign-in through the construct library alone: passkeys and one-time codes set on the
/// pool by HostedSignIn, and each combination Cognito refuses or that cannot work, refused at synth.
/// Cognito's rules: API reference, SignInPolicyType (Essentials tier or higher; PASSWORD, EMAIL_OTP,
/// SMS_OTP, WEB_AUTHN); password sign-in cannot be turned off; passkeys need managed login.
/// </summary>
public sealed class ChoiceBasedSignInTests
{
    private const string CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";

    private static (Stack Stack, SecureUserPool Pool) PoolStack(SesEmailSettings? email = null, bool sms = false)
    {
        var stack = new Stack(new App(), "Consumer", new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" } });
        return (stack, new SecureUserPool(stack, "Users", new SecureUserPoolProps { UserPoolName = "users", Email = email, SmsEnabled = sms }));
    }

    private static HostedSignInProps Props(SecureUserPool pool, IReadOnlyList<FirstAuthFactor> factors, HostedUiStyle ui = HostedUiStyle.ManagedLogin, CustomSignInDomain? custom = null) => new()
    {
        UserPool = pool.UserPool,
        DomainPrefix = custom is null ? "consumer-users" : null,
        CustomDomain = custom,
        Ui = ui,
        ClassicCss = ui == HostedUiStyle.Classic ? ".banner-customizable { color: red; }" : null,
        FirstFactors = factors,
        CallbackUrls = ["https://app.example.com/callback"],
        LogoutUrls = ["https://app.example.com/"],
    };

    private static Dictionary<string, object> Props(params (string Key, object Value)[] properties) =>
        properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    [Fact]
    public void Passkeys_are_bound_to_the_prefix_domain_with_user_verification_and_the_spa_client_may_choose()
    {
        var (stack, pool) = PoolStack();

        _ = new HostedSignIn(stack, "SignIn", Props(pool, [FirstAuthFactor.Password, FirstAuthFactor.WebAuthn]));

        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::Cognito::UserPool", Props(
            ("Policies", Match.ObjectLike(Props(("SignInPolicy", Props(("AllowedFirstAuthFactors", new[] { "PASSWORD", "WEB_AUTHN" })))))),
            ("WebAuthnRelyingPartyID", "consumer-users.auth.eu-west-1.amazoncognito.com"),
            ("WebAuthnUserVerification", "required")));
        template.HasResourceProperties("AWS::Cognito::UserPoolClient", Props(("ClientName", "UserPool-SpaClient"), ("ExplicitAuthFlows", new[] { "ALLOW_USER_SRP_AUTH", "ALLOW_USER_AUTH" })));
    }

    [Fact]
    public void On_a_custom_domain_the_passkeys_relying_party_is_that_domain()
    {
        var (stack, pool) = PoolStack();

        _ = new HostedSignIn(stack, "SignIn", Props(pool, [FirstAuthFactor.Password, FirstAuthFactor.WebAuthn], custom: new CustomSignInDomain("auth.example.com", CertificateArn)));

        Template.FromStack(stack).HasResourceProperties("AWS::Cognito::UserPool", Props(("WebAuthnRelyingPartyID", "auth.example.com")));
    }

    [Fact]
    public void One_time_codes_are_allowed_when_the_pool_can_send_them()
    {
        var (stack, pool) = PoolStack(new SesEmailSettings("arn:aws:ses:eu-west-1:123456789012:identity/example.com", "no-reply@example.com"), sms: true);

        _ = new HostedSignIn(stack, "SignIn", Props(pool, [FirstAuthFactor.Password, FirstAuthFactor.EmailOtp, FirstAuthFactor.SmsOtp]));

        var properties = JsonSerializer.SerializeToElement(Template.FromStack(stack).FindResources("AWS::Cognito::UserPool")).EnumerateObject().Single().Value.GetProperty("Properties");
        Assert.Equal(["PASSWORD", "EMAIL_OTP", "SMS_OTP"], properties.GetProperty("Policies").GetProperty("SignInPolicy").GetProperty("AllowedFirstAuthFactors").EnumerateArray().Select(f => f.GetString()));
        Assert.False(properties.TryGetProperty("WebAuthnRelyingPartyID", out _), "no passkeys, no relying party");
    }

    [Fact]
    public void Password_only_leaves_the_pool_and_the_client_as_they_were()
    {
        var (stack, pool) = PoolStack();

        _ = new HostedSignIn(stack, "SignIn", Props(pool, [FirstAuthFactor.Password]));

        var properties = JsonSerializer.SerializeToElement(Template.FromStack(stack).FindResources("AWS::Cognito::UserPool")).EnumerateObject().Single().Value.GetProperty("Properties");
        Assert.False(properties.GetProperty("Policies").TryGetProperty("SignInPolicy", out _));
        Template.FromStack(stack).HasResourceProperties("AWS::Cognito::UserPoolClient", Props(("ClientName", "UserPool-SpaClient"), ("ExplicitAuthFlows", new[] { "ALLOW_USER_SRP_AUTH" })));
    }

    public static TheoryData<FirstAuthFactor[], HostedUiStyle, string> Refusals() => new()
    {
        { [FirstAuthFactor.WebAuthn], HostedUiStyle.ManagedLogin, "Cognito keeps password sign-in in every pool: include PASSWORD." },
        { [FirstAuthFactor.Password, FirstAuthFactor.WebAuthn, FirstAuthFactor.WebAuthn], HostedUiStyle.ManagedLogin, "list each factor once." },
        { [FirstAuthFactor.Password, FirstAuthFactor.WebAuthn], HostedUiStyle.Classic, "passkeys (WEB_AUTHN) work only with managed login" },
        { [FirstAuthFactor.Password, FirstAuthFactor.EmailOtp], HostedUiStyle.ManagedLogin, "HostedSignInProps.FirstFactors = EMAIL_OTP: one-time codes by email need the pool to send through SES" },
        { [FirstAuthFactor.Password, FirstAuthFactor.SmsOtp], HostedUiStyle.ManagedLogin, "HostedSignInProps.FirstFactors = SMS_OTP: one-time codes by SMS need SMS sending" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Combinations_that_cannot_work_are_refused_naming_the_property(FirstAuthFactor[] factors, HostedUiStyle ui, string message)
    {
        var (stack, pool) = PoolStack();

        var error = Assert.Throws<ArgumentException>(() => new HostedSignIn(stack, "SignIn", Props(pool, factors, ui)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_imported_pool_cannot_take_a_sign_in_policy()
    {
        var (stack, pool) = PoolStack();
        var imported = Amazon.CDK.AWS.Cognito.UserPool.FromUserPoolId(stack, "Imported", "eu-west-1_Other");

        var error = Assert.Throws<ArgumentException>(() => new HostedSignIn(stack, "SignIn", Props(pool, [FirstAuthFactor.Password, FirstAuthFactor.WebAuthn]) with { UserPool = imported }));

        Assert.Contains("HostedSignInProps.UserPool", error.Message, StringComparison.Ordinal);
        Assert.Contains("give a user pool defined in this app", error.Message, StringComparison.Ordinal);
    }
}
