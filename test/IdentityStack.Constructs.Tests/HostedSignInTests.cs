namespace IdentityStack.Constructs.Tests;

/// <summary>Hosted sign-in through the construct library alone, as a NuGet consumer uses it: what it creates by default, and each refusal naming the property.</summary>
public sealed class HostedSignInTests
{
    private static (Stack Stack, SecureUserPool Pool) PoolStack()
    {
        var stack = new Stack(new App(), "Consumer");
        return (stack, new SecureUserPool(stack, "Users", new SecureUserPoolProps { UserPoolName = "users" }));
    }

    private static HostedSignInProps Props(
        SecureUserPool pool,
        string? prefix = "consumer-users",
        CustomSignInDomain? customDomain = null,
        HostedUiStyle ui = HostedUiStyle.ManagedLogin,
        string? css = null,
        ClassicHostedUiLogo? logo = null,
        NativeAotBinary? binary = null,
        bool production = false,
        bool passwordAuth = false,
        string callback = "https://app.example.com/callback") => new()
    {
        UserPool = pool.UserPool,
        DomainPrefix = prefix,
        CustomDomain = customDomain,
        Ui = ui,
        ClassicCss = css,
        ClassicLogo = logo,
        CustomizationBinary = binary,
        Production = production,
        AllowPasswordAuth = passwordAuth,
        CallbackUrls = [callback],
        LogoutUrls = ["https://app.example.com/"],
    };

    [Fact]
    public void By_default_three_clients_share_one_resource_server_and_only_the_server_and_machine_clients_have_secrets()
    {
        var (stack, pool) = PoolStack();
        var signIn = new HostedSignIn(stack, "SignIn", Props(pool));

        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Cognito::UserPoolClient", 3);
        template.ResourceCountIs("AWS::Cognito::UserPoolResourceServer", 1);
        template.HasResourceProperties("AWS::Cognito::UserPoolDomain", new Dictionary<string, object> { ["Domain"] = "consumer-users" });
        template.HasResourceProperties("AWS::Cognito::UserPoolClient", new Dictionary<string, object>
        {
            ["GenerateSecret"] = false,
            ["AllowedOAuthFlows"] = new[] { "code" },
            ["CallbackURLs"] = new[] { "https://app.example.com/callback" },
        });
        template.HasResourceProperties("AWS::Cognito::UserPoolClient", new Dictionary<string, object>
        {
            ["GenerateSecret"] = true,
            ["AllowedOAuthFlows"] = new[] { "client_credentials" },
        });
        Assert.Equal(3, signIn.Clients.Count);
    }

    [Fact]
    public void Both_or_neither_domain_is_refused()
    {
        var (stack, pool) = PoolStack();
        var (otherStack, otherPool) = PoolStack();

        var neither = Assert.Throws<ArgumentException>(() => new HostedSignIn(stack, "A", Props(pool, prefix: null)));
        var both = Assert.Throws<ArgumentException>(() => new HostedSignIn(otherStack, "B", Props(otherPool, customDomain: new CustomSignInDomain("auth.example.com", "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555", null, null))));

        Assert.StartsWith("HostedSignInProps.DomainPrefix = missing: give exactly one of DomainPrefix", neither.Message, StringComparison.Ordinal);
        Assert.StartsWith("HostedSignInProps.DomainPrefix = (both set): give exactly one of DomainPrefix", both.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_look_for_the_other_hosted_ui_is_refused_naming_the_property()
    {
        var logo = new ClassicHostedUiLogo { Content = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52 } };
        string Refusal(Func<SecureUserPool, HostedSignInProps> props)
        {
            var (stack, pool) = PoolStack();
            return Assert.Throws<ArgumentException>(() => new HostedSignIn(stack, "SignIn", props(pool))).Message;
        }

        Assert.StartsWith("HostedSignInProps.ClassicLogo = (an image): applies only to the classic hosted UI", Refusal(pool => Props(pool, logo: logo)), StringComparison.Ordinal);
        Assert.StartsWith("HostedSignInProps.ClassicCss = null: the classic hosted UI needs CSS", Refusal(pool => Props(pool, ui: HostedUiStyle.Classic)), StringComparison.Ordinal);
        Assert.StartsWith("HostedSignInProps.CustomizationBinary = null: ClassicLogo needs", Refusal(pool => Props(pool, ui: HostedUiStyle.Classic, css: ".banner-customizable { color: red; }", logo: logo)), StringComparison.Ordinal);
        // Every problem at once, and nothing half-built: the pool can still take a hosted sign-in afterwards.
        var (stack2, pool2) = PoolStack();
        var all = Assert.Throws<ArgumentException>(() => new HostedSignIn(stack2, "Bad", Props(pool2, prefix: null, ui: HostedUiStyle.Classic, css: ".not-cognitos { color: red; }", logo: logo))).Message;
        Assert.Contains("HostedSignInProps.DomainPrefix", all, StringComparison.Ordinal);
        Assert.Contains("HostedSignInProps.ClassicCss = (the CSS)", all, StringComparison.Ordinal);
        Assert.Contains("HostedSignInProps.CustomizationBinary", all, StringComparison.Ordinal);
        _ = new HostedSignIn(stack2, "Good", Props(pool2));

        var (stack, pool) = PoolStack();
        var binary = new NativeAotBinary(Code.FromBucket(Amazon.CDK.AWS.S3.Bucket.FromBucketName(stack, "Artifacts", "artifacts"), "bootstrap.zip"), Architecture.X86_64);
        _ = new HostedSignIn(stack, "SignIn", Props(pool, ui: HostedUiStyle.Classic, css: ".banner-customizable { color: red; }", logo: logo, binary: binary));
        Template.FromStack(stack).HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object> { ["Architectures"] = new[] { "x86_64" } });
    }

    [Fact]
    public void Production_refuses_password_auth_and_redirects_that_are_not_public_https_all_at_once()
    {
        var (stack, pool) = PoolStack();

        var error = Assert.Throws<ArgumentException>(() => new HostedSignIn(stack, "SignIn", Props(pool, production: true, passwordAuth: true, callback: "http://localhost:5173/callback")));

        Assert.Contains("HostedSignInProps.AllowPasswordAuth = true: USER_PASSWORD_AUTH", error.Message, StringComparison.Ordinal);
        Assert.Contains("HostedSignInProps.CallbackUrls[0] = \"http://localhost:5173/callback\": production redirects only", error.Message, StringComparison.Ordinal);
    }
}
