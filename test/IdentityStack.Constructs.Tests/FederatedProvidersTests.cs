using Amazon.CDK.AWS.Cognito;
using IdentityStack.Constructs.Federation;

namespace IdentityStack.Constructs.Tests;

/// <summary>External providers through the construct library alone, as a NuGet consumer uses them: the framework's constructs underneath, secrets as references, and refusals.</summary>
public sealed class FederatedProvidersTests
{
    private const string SecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:idp-AbCdEf";

    private static (FederatedProviders Providers, Template Template) Synthesize(params FederatedProvider[] providers)
    {
        var stack = new Stack(new App(), "Consumer");
        var pool = UserPool.FromUserPoolId(stack, "Pool", "eu-west-1_Pool");
        var created = new FederatedProviders(stack, "Federation", pool, providers);
        return (created, Template.FromStack(stack));
    }

    private static Dictionary<string, object> Props(params (string Key, object Value)[] properties) =>
        properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    [Fact]
    public void Social_providers_are_named_after_their_type_and_take_their_secret_from_secrets_manager()
    {
        var (providers, template) = Synthesize(
            new GoogleProvider("google-client", SecretArn, ["openid", "email"]),
            new FacebookProvider("facebook-app", SecretArn, ["public_profile", "email"]),
            new AmazonProvider("amazon-client", SecretArn, ["profile"]),
            new AppleProvider("com.example.web", "ABCDE12345", "KEY1234567", SecretArn, ["email", "name"]));

        Assert.Equal(["Facebook", "Google", "LoginWithAmazon", "SignInWithApple"], providers.Providers.Keys.Order(StringComparer.Ordinal));
        foreach (var type in new[] { "Google", "Facebook", "LoginWithAmazon", "SignInWithApple" })
        {
            template.HasResourceProperties("AWS::Cognito::UserPoolIdentityProvider", Props(("ProviderName", type), ("ProviderType", type)));
        }

        var secret = $"{{{{resolve:secretsmanager:{SecretArn}:SecretString:::}}}}";
        template.HasResourceProperties("AWS::Cognito::UserPoolIdentityProvider", Props(("ProviderName", "Google"), ("ProviderDetails", Match.ObjectLike(Props(("client_secret", secret), ("authorize_scopes", "openid email"))))));
        template.HasResourceProperties("AWS::Cognito::UserPoolIdentityProvider", Props(("ProviderName", "Facebook"), ("ProviderDetails", Match.ObjectLike(Props(("client_secret", secret), ("authorize_scopes", "public_profile,email"))))));
        template.HasResourceProperties("AWS::Cognito::UserPoolIdentityProvider", Props(("ProviderName", "SignInWithApple"), ("ProviderDetails", Match.ObjectLike(Props(("private_key", secret), ("team_id", "ABCDE12345"))))));
    }

    [Fact]
    public void Oidc_and_saml_keep_their_names_map_the_tenant_to_the_providers_own_attribute_and_saml_flags_are_strings()
    {
        var oidc = new OidcProvider("AcmeOidc", "https://login.acme.example.com", "client", SecretArn, ["openid", "email"], "POST") { TenantAttribute = "tenant", Tenants = ["acme-01"] };
        var saml = new SamlProvider("AcmeSaml", "https://idp.acme.example.com/metadata", null) { IdpInitiated = false };

        var (_, template) = Synthesize(oidc, saml);

        template.HasResourceProperties("AWS::Cognito::UserPoolIdentityProvider", Props(
            ("ProviderName", "AcmeOidc"),
            ("ProviderDetails", Match.ObjectLike(Props(("oidc_issuer", "https://login.acme.example.com"), ("attributes_request_method", "POST")))),
            ("AttributeMapping", Props(("email", "email"), ("name", "name"), ("custom:idp_tenant", "tenant"), ("custom:idp_email_verified", "email_verified")))));
        // Cognito's ProviderDetails is a map of strings; the framework would write JSON booleans here.
        template.HasResourceProperties("AWS::Cognito::UserPoolIdentityProvider", Props(
            ("ProviderName", "AcmeSaml"),
            ("ProviderDetails", Props(("MetadataURL", "https://idp.acme.example.com/metadata"), ("IDPSignout", "true"), ("IDPInit", "false"), ("EncryptedResponses", "true"), ("RequestSigningAlgorithm", "rsa-sha256")))));
    }

    [Fact]
    public void Each_provider_keeps_the_logical_id_of_a_resource_written_directly_at_its_path()
    {
        var (_, template) = Synthesize(new OidcProvider("AcmeOidc", "https://login.acme.example.com", "client", SecretArn, ["openid"], "GET"));

        // The ID a CfnUserPoolIdentityProvider at "Federation/AcmeOidc" had before the framework's
        // construct (whose resource sits at "Federation/AcmeOidc/Resource", another hash) was used.
        Assert.Equal("FederationAcmeOidcFAA73F86", Assert.Single(template.FindResources("AWS::Cognito::UserPoolIdentityProvider").Keys));
    }

    private static string ProviderSecret(Template template, string name, string key)
    {
        var provider = template.FindResources("AWS::Cognito::UserPoolIdentityProvider").Values
            .Select(r => System.Text.Json.JsonSerializer.SerializeToElement(r).GetProperty("Properties"))
            .Single(p => string.Equals(p.GetProperty("ProviderName").GetString(), name, StringComparison.Ordinal));
        return provider.GetProperty("ProviderDetails").GetProperty(key).GetString()!;
    }

    // A rotation must be a template change: CloudFormation resolves a dynamic reference only when the
    // resource is updated, so a value rotated in place under an unpinned reference never reaches Cognito.
    [Fact]
    public void A_pinned_secret_version_is_in_the_reference_so_rotating_it_changes_the_template()
    {
        const string first = "a1b2c3d4-0000-4000-8000-000000000001";
        const string second = "a1b2c3d4-0000-4000-8000-000000000002";
        var before = Synthesize(new GoogleProvider("google-client", SecretArn, ["openid"]) { SecretVersionId = first }).Template;
        var after = Synthesize(new GoogleProvider("google-client", SecretArn, ["openid"]) { SecretVersionId = second }).Template;
        var apple = Synthesize(new AppleProvider("com.example.web", "ABCDE12345", "KEY1234567", SecretArn, ["email"]) { SecretVersionStage = "AWSPENDING" }).Template;

        Assert.Equal($"{{{{resolve:secretsmanager:{SecretArn}:SecretString:::{first}}}}}", ProviderSecret(before, "Google", "client_secret"));
        Assert.Equal($"{{{{resolve:secretsmanager:{SecretArn}:SecretString:::{second}}}}}", ProviderSecret(after, "Google", "client_secret"));
        Assert.Equal($"{{{{resolve:secretsmanager:{SecretArn}:SecretString::AWSPENDING:}}}}", ProviderSecret(apple, "SignInWithApple", "private_key"));
    }

    [Theory]
    [InlineData("id", "not-a-version", "SecretVersionId", "VersionId that 'aws secretsmanager put-secret-value' printed")]
    [InlineData("id", "{{resolve:ssm:/x}}", "SecretVersionId", "32-64 letters")]
    [InlineData("stage", "AWS:CURRENT", "SecretVersionStage", "staging label")]
    [InlineData("stage", "", "SecretVersionStage", "staging label")]
    [InlineData("both", "a1b2c3d4-0000-4000-8000-000000000001", "SecretVersionStage", "not both")]
    public void A_bad_secret_version_is_refused_naming_the_property(string kind, string value, string property, string fix)
    {
        var provider = new GoogleProvider("google-client", SecretArn, ["openid"]) with
        {
            SecretVersionId = kind is "id" or "both" ? value : null,
            SecretVersionStage = kind switch { "stage" => value, "both" => "AWSCURRENT", _ => null },
        };

        var problem = Assert.Single(provider.Problems());

        Assert.Equal(property, problem.Property);
        Assert.Contains(fix, problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_saml_provider_has_no_secret_to_pin()
    {
        var problem = Assert.Single(new SamlProvider("AcmeSaml", "https://idp.example.com/metadata", null) { SecretVersionId = "a1b2c3d4-0000-4000-8000-000000000001" }.Problems());

        Assert.Equal("SecretVersionId", problem.Property);
        Assert.Contains("has no secret in Secrets Manager", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_providers_with_one_name_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Synthesize(
            new OidcProvider("Acme", "https://a.example.com", "a", SecretArn, ["openid"], "GET"),
            new SamlProvider("Acme", "https://idp.example.com/metadata", null)));

        Assert.Contains("Provider name 'Acme' is used 2 times", error.Message, StringComparison.Ordinal);
    }
}
