namespace IdentityStack.Constructs.Tests;

/// <summary>A NuGet consumer who says Production gets the same rules as a stage of cdk.json.</summary>
public sealed class ProductionPolicyTests
{
    [Fact]
    public void A_production_pool_refuses_weakened_settings_all_at_once()
    {
        var stack = new Stack(new App(), "Consumer");

        var error = Assert.Throws<ArgumentException>(() => new SecureUserPool(stack, "Users", new SecureUserPoolProps
        {
            UserPoolName = "users",
            Production = true,
            ThreatProtection = ThreatProtectionMode.Audit,
            Mfa = MfaEnforcement.Optional,
            DeletionProtection = false,
            RemovalPolicy = RemovalPolicy.DESTROY,
        }));

        foreach (var setting in new[] { "ThreatProtection = \"AUDIT\"", "Mfa = \"OPTIONAL\"", "RemovalPolicy = \"DESTROY\": production keeps its users", "DeletionProtection = false" })
        {
            Assert.Contains("SecureUserPoolProps." + setting + ":", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_production_pool_with_secure_defaults_marks_its_template_for_the_gate()
    {
        var stack = new Stack(new App(), "Consumer");
        _ = new SecureUserPool(stack, "Users", new SecureUserPoolProps { UserPoolName = "users", Production = true });

        var metadata = Template.FromStack(stack).ToJSON()["Metadata"];
        Assert.NotNull(metadata);
        Assert.Contains(ProductionPolicy.TemplateMetadataKey, System.Text.Json.JsonSerializer.Serialize(metadata), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_sign_in_refuses_password_auth_and_http_or_localhost_redirects()
    {
        var stack = new Stack(new App(), "Consumer");
        var pool = new SecureUserPool(stack, "Users", new SecureUserPoolProps { UserPoolName = "users", Production = true });

        var error = Assert.Throws<ArgumentException>(() => new HostedSignIn(stack, "SignIn", new HostedSignInProps
        {
            UserPool = pool.UserPool,
            DomainPrefix = "consumer-users",
            Production = true,
            AllowPasswordAuth = true,
            CallbackUrls = ["https://app.example.com/cb", "http://app.example.com/cb"],
            LogoutUrls = ["https://localhost/"],
        }));

        Assert.Contains("HostedSignInProps.AllowPasswordAuth = true: USER_PASSWORD_AUTH", error.Message, StringComparison.Ordinal);
        Assert.Contains("HostedSignInProps.CallbackUrls[1] = \"http://app.example.com/cb\": production redirects only", error.Message, StringComparison.Ordinal);
        Assert.Contains("HostedSignInProps.LogoutUrls[0] = \"https://localhost/\": production redirects only", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CallbackUrls[0]", error.Message, StringComparison.Ordinal);
    }

    // Developer guide, "Adding MFA to a user pool"
    // (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html): SMS,
    // email or TOTP are "additional factors to sign in your users who have passwords as their primary
    // authentication factor". A one-time code as the first factor is then the only factor: production
    // (which requires MFA) refuses it, and keeps passkeys (user verification is a second factor).
    [Theory]
    [InlineData(FirstAuthFactor.EmailOtp, "EMAIL_OTP")]
    [InlineData(FirstAuthFactor.SmsOtp, "SMS_OTP")]
    public void Production_sign_in_refuses_a_one_time_code_as_the_first_factor(FirstAuthFactor factor, string name)
    {
        var options = new HostedSignInOptions
        {
            DomainPrefix = "consumer-users",
            Production = true,
            Ui = HostedUiStyle.ManagedLogin,
            CallbackUrls = ["https://app.example.com/cb"],
            LogoutUrls = ["https://app.example.com/"],
            FirstFactors = [FirstAuthFactor.Password, factor, FirstAuthFactor.WebAuthn],
        };

        var problem = Assert.Single(options.Problems(), p => string.Equals(p.Property, nameof(HostedSignInOptions.FirstFactors), StringComparison.Ordinal));

        Assert.Equal(name, problem.Found);
        Assert.Contains("Cognito asks for MFA only after a password", problem.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain((options with { FirstFactors = [FirstAuthFactor.Password, FirstAuthFactor.WebAuthn] }).Problems(), p => string.Equals(p.Property, nameof(HostedSignInOptions.FirstFactors), StringComparison.Ordinal));
        Assert.DoesNotContain((options with { Production = false }).Problems(), p => p.Fix.Contains("MFA only after", StringComparison.Ordinal));
    }
}
