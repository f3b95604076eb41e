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
}
