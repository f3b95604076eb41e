namespace IdentityStack.App.Tests;

/// <summary>The identity providers of each stage and how the clients use them.</summary>
[Collection(SynthesizedStagesDefinition.Name)]
public sealed class FederationTests(SynthesizedStages stages)
{
    private const string ProviderType = "AWS::Cognito::UserPoolIdentityProvider";

    private Dictionary<string, (string Id, JsonElement Properties)> Providers(string stage) =>
        TemplateJson.OfType(stages[stage], ProviderType)
            .ToDictionary(p => p.Value.GetProperty("Properties").GetProperty("ProviderName").GetString()!, p => (p.Key, p.Value.GetProperty("Properties")), StringComparer.Ordinal);

    private static string Detail(JsonElement provider, string key) => provider.GetProperty("ProviderDetails").GetProperty(key).GetString()!;

    [Theory]
    [InlineData("Google", "Google", "client_secret")]
    [InlineData("Facebook", "Facebook", "client_secret")]
    [InlineData("LoginWithAmazon", "LoginWithAmazon", "client_secret")]
    [InlineData("SignInWithApple", "SignInWithApple", "private_key")]
    [InlineData("AcmeOidc", "OIDC", "client_secret")]
    public void Each_provider_kind_has_its_type_and_takes_its_secret_from_secrets_manager(string name, string type, string secretKey)
    {
        var (_, provider) = Providers("prod")[name];

        Assert.Equal(type, provider.GetProperty("ProviderType").GetString());
        Assert.Matches("^\\{\\{resolve:secretsmanager:arn:aws:secretsmanager:eu-west-1:111111111111:secret:identity/prod/[a-z-]+-AbCdEf:SecretString:::\\}\\}$", Detail(provider, secretKey));
        Assert.Equal("email", provider.GetProperty("AttributeMapping").GetProperty("email").GetString());
    }

    [Fact]
    public void Apple_gets_its_team_and_key_ids_and_oidc_its_issuer_and_request_method()
    {
        var apple = Providers("prod")["SignInWithApple"].Properties;
        Assert.Equal("ABCDE12345", Detail(apple, "team_id"));
        Assert.Equal("KEY1234567", Detail(apple, "key_id"));

        var oidc = Providers("prod")["AcmeOidc"].Properties;
        Assert.Equal("https://login.acme.example.com", Detail(oidc, "oidc_issuer"));
        Assert.Equal("GET", Detail(oidc, "attributes_request_method"));
        Assert.Equal("openid email profile", Detail(oidc, "authorize_scopes"));
        // The provider's tenant and verification go to the providers' own mutable attributes, never to
        // the immutable, administrator-set custom:tenant_id (a mapping there fails every federated sign-in).
        Assert.Equal("tenant", oidc.GetProperty("AttributeMapping").GetProperty("custom:idp_tenant").GetString());
        Assert.Equal("email_verified", oidc.GetProperty("AttributeMapping").GetProperty("custom:idp_email_verified").GetString());
        Assert.False(oidc.GetProperty("AttributeMapping").TryGetProperty("custom:tenant_id", out _));
    }

    [Fact]
    public void Saml_signs_requests_wants_encrypted_responses_signs_out_and_maps_no_tenant_for_its_fixed_one()
    {
        var saml = Providers("prod")["AcmeSaml"].Properties;

        Assert.Equal("SAML", saml.GetProperty("ProviderType").GetString());
        Assert.Equal("https://idp.acme.example.com/saml/metadata", Detail(saml, "MetadataURL"));
        Assert.Equal("rsa-sha256", Detail(saml, "RequestSigningAlgorithm"));
        Assert.Equal("true", Detail(saml, "EncryptedResponses"));
        Assert.Equal("true", Detail(saml, "IDPSignout"));
        Assert.Equal("false", Detail(saml, "IDPInit"));
        var mapping = saml.GetProperty("AttributeMapping");
        // prod's AcmeSaml has the fixed tenant acme-01: no claim of the IdP decides the tenant.
        Assert.False(mapping.TryGetProperty("custom:idp_tenant", out _), "a fixed-tenant provider maps no tenant claim");
        Assert.False(mapping.TryGetProperty("custom:idp_email_verified", out _), "SAML sends no email_verified: its email stays unverified unless the provider is trusted");
        Assert.Equal("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", mapping.GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("dev", new[] { "COGNITO" })]
    [InlineData("prod", new[] { "COGNITO", "Google", "Facebook", "LoginWithAmazon", "SignInWithApple", "AcmeOidc", "AcmeSaml" })]
    [InlineData("staging", new[] { "COGNITO" })]
    public void User_facing_clients_offer_the_listed_providers_and_depend_on_them(string stage, string[] expected)
    {
        var providers = Providers(stage);
        var clients = TemplateJson.OfType(stages[stage], "AWS::Cognito::UserPoolClient");
        foreach (var (id, client) in clients.Where(c => !c.Key.StartsWith("SignInMachineClient", StringComparison.Ordinal)))
        {
            var supported = client.GetProperty("Properties").GetProperty("SupportedIdentityProviders").EnumerateArray().Select(p => p.GetString()).ToList();
            Assert.Equal(expected.Order(StringComparer.Ordinal), supported.Order(StringComparer.Ordinal));
            var dependsOn = client.TryGetProperty("DependsOn", out var d) ? d.EnumerateArray().Select(x => x.GetString()).ToList() : [];
            Assert.All(providers.Values, p => Assert.Contains(p.Id, dependsOn));
            Assert.False(string.IsNullOrEmpty(id));
        }

        var machines = clients.Where(c => c.Key.StartsWith("SignInMachineClient", StringComparison.Ordinal)).Select(c => c.Value).ToList();
        Assert.NotEmpty(machines);
        Assert.All(machines, machine => Assert.Equal(["COGNITO"], machine.GetProperty("Properties").GetProperty("SupportedIdentityProviders").EnumerateArray().Select(p => p.GetString())));
    }

    // The providers are the framework's constructs (UserPoolIdentityProviderGoogle, ...), which put
    // the resource one level deeper than this project used to. A new logical ID would make
    // CloudFormation create a second provider of the same name before deleting the first, and Cognito
    // refuses a duplicate name: these are the IDs the providers have had since they were first deployed.
    [Fact]
    public void Providers_keep_the_logical_ids_they_were_deployed_with()
    {
        Assert.Equal(
            ["FederationAcmeOidcFAA73F86", "FederationAcmeSaml3870767D", "FederationFacebook69FEAC6B", "FederationGoogle9E39FDD3", "FederationLoginWithAmazon6D9400DA", "FederationSignInWithApple966EB646"],
            Providers("prod").Values.Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_secret_value_appears_in_any_template()
    {
        foreach (var stage in new[] { "dev", "staging", "prod" })
        {
            var text = TemplateJson.Whole(stages[stage]).GetRawText();
            foreach (var provider in Providers(stage).Values)
            {
                foreach (var detail in provider.Properties.GetProperty("ProviderDetails").EnumerateObject().Where(d => d.Name is "client_secret" or "private_key"))
                {
                    Assert.StartsWith("{{resolve:secretsmanager:", detail.Value.GetString(), StringComparison.Ordinal);
                }
            }

            Assert.DoesNotContain("BEGIN PRIVATE KEY", text, StringComparison.Ordinal);
        }
    }

    // Cognito writes mapped attributes through the client a federated user signs in with, so every
    // client offering a provider must be able to write them (developer guide, "Specifying identity
    // provider attribute mappings"); where no provider maps them, no client may.
    [Theory]
    [InlineData("prod", true)]
    [InlineData("staging", false)]
    [InlineData("dev", false)]
    public void User_facing_clients_may_write_the_providers_attributes_only_where_a_provider_maps_them_and_never_the_tenant(string stage, bool federated)
    {
        foreach (var (id, client) in TemplateJson.OfType(stages[stage], "AWS::Cognito::UserPoolClient").Where(c => !c.Key.Contains("Machine", StringComparison.Ordinal)))
        {
            var writes = client.GetProperty("Properties").GetProperty("WriteAttributes").EnumerateArray().Select(a => a.GetString()).ToList();
            Assert.DoesNotContain("custom:tenant_id", writes);
            Assert.Equal(federated, writes.Contains("custom:idp_tenant"));
            Assert.Equal(federated, writes.Contains("custom:idp_email_verified"));
            Assert.True(writes.Contains("email"), $"{id}: identity providers map email, so clients must be able to write it");
        }
    }

    // A federated user could otherwise rewrite their own custom:idp_tenant between sign-ins:
    // UpdateUserAttributes needs an access token with aws.cognito.signin.user.admin, and federated
    // users get tokens only through the hosted pages, with the scopes the client allows.
    [Theory]
    [MemberData(nameof(ApiTests.AllStages), MemberType = typeof(ApiTests))]
    public void Clients_that_offer_providers_never_grant_the_scope_that_lets_users_write_their_attributes(string stage)
    {
        foreach (var client in TemplateJson.OfType(stages[stage], "AWS::Cognito::UserPoolClient").Values.Select(c => c.GetProperty("Properties")))
        {
            // Resource server scopes are Fn::Join expressions: compare the raw JSON of each.
            var scopes = client.TryGetProperty("AllowedOAuthScopes", out var allowed) ? allowed.EnumerateArray().Select(a => a.GetRawText()).ToList() : [];
            Assert.NotEmpty(scopes);
            Assert.DoesNotContain(scopes, scope => scope.Contains("aws.cognito.signin.user.admin", StringComparison.Ordinal));
        }
    }
}
