using System.Text.Json;
using IdentityStack.Constructs.Federation;
using IdentityStack.Triggers.Contract;
using IdentityStack.Constructs.Triggers;

namespace IdentityStack.Constructs.Tests;

public sealed class CognitoTriggersTests
{
    [Fact]
    public void A_timeout_over_cognitos_5_seconds_is_refused_with_the_reason()
    {
        var stack = new Stack(new App(), "S");
        var pool = new SecureUserPool(stack, "Pool", new SecureUserPoolProps { UserPoolName = "p" });

        var error = Assert.Throws<ArgumentException>(() => new CognitoTriggers(stack, "Triggers", new CognitoTriggersProps
        {
            UserPool = pool,
            Binary = new NativeAotBinary(Code.FromInline("unused"), Architecture.ARM_64),
            Timeout = Duration.Seconds(6),
        }));

        Assert.StartsWith("CognitoTriggersProps.Timeout = 6 s: Cognito stops waiting for a trigger after 5 s", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>
/// What the triggers are told of the pool's identity providers, and the provider settings refused
/// before anything is created (the same refusals a stage's configuration gets, for NuGet consumers).
/// </summary>
public sealed class CognitoTriggersFederationTests
{
    private const string SecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:idp-AbCdEf";

    private static (Stack Stack, Func<CognitoTriggersProps, CognitoTriggers> Create) Pool()
    {
        var stack = new Stack(new App(), "S");
        var pool = new SecureUserPool(stack, "Pool", new SecureUserPoolProps { UserPoolName = "p" });
        var binary = new NativeAotBinary(Code.FromBucket(Amazon.CDK.AWS.S3.Bucket.FromBucketName(stack, "Artifacts", "artifacts"), "bootstrap.zip"), Architecture.ARM_64);
        var created = 0;
        return (stack, props => new CognitoTriggers(stack, "Triggers" + (created++).ToString(System.Globalization.CultureInfo.InvariantCulture), props with
        {
            UserPool = pool,
            Binary = binary,
        }));
    }

    private static CognitoTriggersProps Props(IReadOnlyList<string> domains, params FederatedProvider[] providers) =>
        new(new CognitoTriggersOptions { AllowedEmailDomains = domains }) { FederatedProviders = providers };

    private static OidcProvider Oidc(string name = "AcmeOidc") => new(name, "https://login.acme.example.com", "client", SecretArn, ["openid", "email"], "GET");

    [Fact]
    public void Each_providers_tenants_trust_and_exemption_reach_every_trigger_in_the_binarys_format()
    {
        var (stack, create) = Pool();

        create(Props(["example.com"],
            Oidc() with { TenantAttribute = "tenant", Tenants = ["acme-01", "acme-02"] },
            new SamlProvider("AcmeSaml", "https://idp.acme.example.com/metadata", null) { FixedTenant = "acme-01", ExemptFromAllowList = true },
            new FacebookProvider("1", SecretArn, ["email"]) { TrustEmail = true }));

        var functions = Template.FromStack(stack).FindResources("AWS::Lambda::Function");
        Assert.NotEmpty(functions);
        foreach (var function in functions.Values)
        {
            var variables = JsonSerializer.SerializeToElement(function).GetProperty("Properties").GetProperty("Environment").GetProperty("Variables");
            Assert.Equal("AcmeOidc=acme-01,acme-02", variables.GetProperty(TriggerEnvironment.ProviderTenants).GetString());
            Assert.Equal("AcmeSaml=acme-01", variables.GetProperty(TriggerEnvironment.ProviderFixedTenants).GetString());
            Assert.Equal("AcmeSaml", variables.GetProperty(TriggerEnvironment.AllowListExemptProviders).GetString());
            Assert.Equal("Facebook", variables.GetProperty(TriggerEnvironment.TrustedEmailProviders).GetString());
        }
    }

    // With an allow-list, tokens need a verified email; Facebook sends no email_verified, so an
    // untrusted Facebook provider's users could never sign in: refused, naming the provider.
    [Fact]
    public void A_provider_whose_users_could_never_get_tokens_under_the_allow_list_is_refused()
    {
        var (_, create) = Pool();

        var error = Assert.Throws<ArgumentException>(() => create(Props(["example.com"], new FacebookProvider("1", SecretArn, ["email"]), new GoogleProvider("2", SecretArn, ["email"]))));

        Assert.Contains("CognitoTriggersProps.FederatedProviders[0].TrustEmail = false: identity provider 'Facebook' sends no email_verified", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'Google'", error.Message, StringComparison.Ordinal); // Google sends email_verified
        create(Props([], new FacebookProvider("1", SecretArn, ["email"]))); // no allow-list, no rule
    }

    public static TheoryData<FederatedProvider, string> BrokenProviders => new()
    {
        { Oidc() with { TenantAttribute = "tenant" }, "FederatedProviders[0].Tenants = empty: provider 'AcmeOidc' maps a tenant claim" },
        { Oidc() with { Tenants = ["acme-01"] }, "FederatedProviders[0].TenantAttribute = null: provider 'AcmeOidc' lists tenants but maps no tenant claim" },
        { Oidc() with { FixedTenant = "acme-01", TenantAttribute = "tenant", Tenants = ["acme-01"] }, "FederatedProviders[0].TenantAttribute = \"tenant\": provider 'AcmeOidc' has the fixed tenant" },
        { Oidc() with { FixedTenant = "acme 01" }, "FederatedProviders[0].FixedTenant = \"acme 01\": use a tenant id" },
        { Oidc() with { TenantAttribute = "tenant", Tenants = ["acme-01", "{{resolve:ssm:x}}"] }, "FederatedProviders[0].Tenants[1] = \"{{resolve:ssm:x}}\": use a tenant id" },
        { Oidc() with { TenantAttribute = "tenant", Tenants = ["acme-01", null!] }, "FederatedProviders[0].Tenants[1] = null: use a tenant id" },
        { Oidc() with { TenantAttribute = "tenant", Tenants = ["acme-01", "acme-01"] }, "FederatedProviders[0].Tenants[1] = \"acme-01\": each tenant once" },
        { new GoogleProvider("2", SecretArn, ["email"]) { ExemptFromAllowList = true }, "FederatedProviders[0].ExemptFromAllowList = true: anyone can create a Google account" },
    };

    [Theory]
    [MemberData(nameof(BrokenProviders))]
    public void A_provider_with_broken_tenant_or_email_settings_is_refused_with_its_path(FederatedProvider provider, string expected)
    {
        var (_, create) = Pool();

        var error = Assert.Throws<ArgumentException>(() => create(Props(["example.com"], provider)));

        Assert.Contains("CognitoTriggersProps." + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_provider_constructs_refuse_the_same_settings_without_the_triggers()
    {
        var stack = new Stack(new App(), "S");
        var pool = new SecureUserPool(stack, "Pool", new SecureUserPoolProps { UserPoolName = "p" });

        var error = Assert.Throws<ArgumentException>(() => new FederatedProviders(stack, "Federation", pool.UserPool, [Oidc() with { TenantAttribute = "tenant" }]));

        Assert.Contains("FederatedProvider.AcmeOidc.Tenants = empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apple_maps_the_email_verified_claim_it_sends()
    {
        var apple = new AppleProvider("com.example.signin", "ABCDE12345", "KEY1234567", SecretArn, ["email", "name"]);

        Assert.True(apple.SendsEmailVerified);
        Assert.Equal("email_verified", apple.AttributeMapping()["custom:idp_email_verified"]);
        Assert.Null(FederatedEmailRules.Problem(["example.com"], apple));
    }

    [Fact]
    public void Tenant_lists_too_long_for_the_triggers_environment_are_refused()
    {
        var (_, create) = Pool();
        var tenants = Enumerable.Range(0, 300).Select(i => "tenant-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var error = Assert.Throws<ArgumentException>(() => create(Props([], Oidc() with { TenantAttribute = "tenant", Tenants = tenants })));

        Assert.Contains("characters of tenant lists", error.Message, StringComparison.Ordinal);
    }
}
