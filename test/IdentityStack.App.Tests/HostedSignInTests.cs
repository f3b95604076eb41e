namespace IdentityStack.App.Tests;

/// <summary>Domain, resource server and the three app clients, per stage.</summary>
[Collection(SynthesizedStagesDefinition.Name)]
public sealed class HostedSignInTests(SynthesizedStages stages)
{
    private const string ClientType = "AWS::Cognito::UserPoolClient";

    public static TheoryData<string> AllStages => ["dev", "staging", "prod"];

    /// <summary>The client whose logical ID is the construct path's ID plus CDK's 8-character hash (so "SignInMachineClient" is not "SignInMachineClientreports...").</summary>
    private JsonElement Client(string stage, string id) =>
        TemplateJson.OfType(stages[stage], ClientType).Single(c => c.Key.Length == id.Length + 8 && c.Key.StartsWith(id, StringComparison.Ordinal)).Value.GetProperty("Properties");

    private static List<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? [.. value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())] : [];

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Every_client_revokes_tokens_hides_user_existence_and_cannot_write_the_tenant(string stage)
    {
        var clients = TemplateJson.OfType(stages[stage], ClientType).Values.Select(c => c.GetProperty("Properties")).ToList();

        Assert.Equal(3 + stages.Stacks[stage].Stage.SignIn!.Options.MachineClients.Count, clients.Count);
        Assert.All(clients, c =>
        {
            Assert.True(c.GetProperty("EnableTokenRevocation").GetBoolean());
            Assert.Equal("ENABLED", c.GetProperty("PreventUserExistenceErrors").GetString());
            Assert.Contains("custom:tenant_id", Strings(c, "ReadAttributes"));
            Assert.DoesNotContain("custom:tenant_id", Strings(c, "WriteAttributes"));
            Assert.Contains("COGNITO", Strings(c, "SupportedIdentityProviders"));
        });
    }

    [Theory]
    [InlineData("dev", true)]
    [InlineData("staging", false)]
    [InlineData("prod", false)]
    public void The_spa_client_is_public_code_flow_with_rotation_and_password_auth_only_in_dev(string stage, bool passwordAuth)
    {
        var spa = Client(stage, "SignInSpaClient");

        Assert.False(spa.GetProperty("GenerateSecret").GetBoolean());
        Assert.Equal(["code"], Strings(spa, "AllowedOAuthFlows"));
        Assert.Equal("ENABLED", spa.GetProperty("RefreshTokenRotation").GetProperty("Feature").GetString());
        // staging and prod offer choice-based sign-in (passkeys), which needs ALLOW_USER_AUTH.
        Assert.Equal(passwordAuth ? ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH"] : ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_AUTH"], Strings(spa, "ExplicitAuthFlows"));
        Assert.Equal(stages.Stacks[stage].Stage.SignIn!.Options.CallbackUrls, Strings(spa, "CallbackURLs"));
        Assert.Equal(stages.Stacks[stage].Stage.SignIn!.Options.LogoutUrls, Strings(spa, "LogoutURLs"));
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void The_server_client_has_a_secret_that_is_never_output(string stage)
    {
        var server = Client(stage, "SignInServerClient");

        Assert.True(server.GetProperty("GenerateSecret").GetBoolean());
        Assert.Equal(["code"], Strings(server, "AllowedOAuthFlows"));
        var template = TemplateJson.Whole(stages[stage]).GetRawText();
        Assert.DoesNotContain("ClientSecret", template, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void The_machine_client_gets_only_api_scopes_by_client_credentials(string stage)
    {
        var machine = Client(stage, "SignInMachineClient");

        Assert.True(machine.GetProperty("GenerateSecret").GetBoolean());
        Assert.Equal(["client_credentials"], Strings(machine, "AllowedOAuthFlows"));
        var scopes = Strings(machine, "AllowedOAuthScopes");
        Assert.Equal(2, scopes.Count);
        Assert.All(scopes, s => Assert.Contains("ResourceServer", s, StringComparison.Ordinal));
        Assert.DoesNotContain(scopes, s => s.EndsWith("/admin\"]]}", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_configured_machine_client_has_its_scopes_and_is_registered_with_its_tenant()
    {
        var reports = Client("dev", "SignInMachineClientreports");
        var ingest = Client("dev", "SignInMachineClientingest");

        Assert.True(reports.GetProperty("GenerateSecret").GetBoolean());
        Assert.Equal(["client_credentials"], Strings(reports, "AllowedOAuthFlows"));
        Assert.Equal(["ALLOW_REFRESH_TOKEN_AUTH"], Strings(reports, "ExplicitAuthFlows"));
        Assert.Single(Strings(reports, "AllowedOAuthScopes"), s => s.EndsWith("/read\"]]}", StringComparison.Ordinal));
        Assert.Equal(2, Strings(ingest, "AllowedOAuthScopes").Count);
        var registrations = TemplateJson.OfType(stages["dev"], "Custom::MachineClientRegistration").Values.Select(r => r.GetProperty("Properties")).ToList();
        Assert.Equal(3, registrations.Count); // the default machine client too
        var tenants = registrations.Select(r => (Client: r.GetProperty("ClientId").GetProperty("Ref").GetString()!, Tenant: r.TryGetProperty("TenantId", out var t) ? t.GetString() : null)).ToList();
        Assert.Contains(tenants, t => t.Client.StartsWith("SignInMachineClientreports", StringComparison.Ordinal) && string.Equals(t.Tenant, "acme-01", StringComparison.Ordinal));
        Assert.Contains(tenants, t => t.Client.StartsWith("SignInMachineClientingest", StringComparison.Ordinal) && string.Equals(t.Tenant, "globex", StringComparison.Ordinal));
        Assert.Contains(tenants, t => t.Client.Length == "SignInMachineClient".Length + 8 && t.Tenant is null);
        Assert.Contains("MachineClientIdReports", TemplateJson.Whole(stages["dev"]).GetProperty("Outputs").EnumerateObject().Select(o => o.Name));
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void The_domain_and_resource_server_come_from_configuration(string stage)
    {
        var domain = TemplateJson.Single(stages[stage], "AWS::Cognito::UserPoolDomain").GetProperty("Properties");
        var signIn = stages.Stacks[stage].Stage.SignIn!.Options;
        Assert.Equal(signIn.DomainPrefix ?? signIn.CustomDomain!.DomainName, domain.GetProperty("Domain").GetString());

        var server = TemplateJson.Single(stages[stage], "AWS::Cognito::UserPoolResourceServer").GetProperty("Properties");
        Assert.Equal("identitystack", server.GetProperty("Identifier").GetString());
        Assert.Equal(["read", "write", "admin"], server.GetProperty("Scopes").EnumerateArray().Select(s => s.GetProperty("ScopeName").GetString()));
    }

    [Fact]
    public void Prod_uses_its_own_domain_with_a_us_east_1_certificate_and_alias_records_without_a_custom_resource()
    {
        var domain = TemplateJson.Single(stages["prod"], "AWS::Cognito::UserPoolDomain");
        var properties = domain.GetProperty("Properties");
        Assert.Equal("auth.example.com", properties.GetProperty("Domain").GetString());
        Assert.StartsWith("arn:aws:acm:us-east-1:", properties.GetProperty("CustomDomainConfig").GetProperty("CertificateArn").GetString(), StringComparison.Ordinal);
        var domainId = Assert.Single(TemplateJson.OfType(stages["prod"], "AWS::Cognito::UserPoolDomain").Keys);

        var records = TemplateJson.OfType(stages["prod"], "AWS::Route53::RecordSet").Values.Select(r => r.GetProperty("Properties")).ToList();
        Assert.Equal(["A", "AAAA"], records.Select(r => r.GetProperty("Type").GetString()).Order(StringComparer.Ordinal));
        Assert.All(records, r =>
        {
            Assert.Equal("auth.example.com.", r.GetProperty("Name").GetString());
            Assert.Equal("Z2FDTNDATAQYW2", r.GetProperty("AliasTarget").GetProperty("HostedZoneId").GetString());
            var target = r.GetProperty("AliasTarget").GetProperty("DNSName").GetProperty("Fn::GetAtt");
            Assert.Equal([domainId, "CloudFrontDistribution"], target.EnumerateArray().Select(t => t.GetString()));
        });
        // Seven triggers, the API backend, the machine client registration and the backup's export: no classic UI custom resource.
        Assert.Equal(10, TemplateJson.OfType(stages["prod"], "AWS::Lambda::Function").Count);
        // The domain's alias target is read from the domain resource, not looked up by a custom resource.
        Assert.Equal(
            ["Custom::MachineClientRegistration"],
            TemplateJson.Whole(stages["prod"]).GetProperty("Resources").EnumerateObject().Select(r => r.Value.GetProperty("Type").GetString()!).Where(t => t.StartsWith("Custom::", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal));
    }

    [Fact]
    public void Dev_serves_the_classic_ui_with_the_repository_css_and_logo_for_all_clients_through_a_custom_resource()
    {
        Assert.Equal(1, TemplateJson.Single(stages["dev"], "AWS::Cognito::UserPoolDomain").GetProperty("Properties").GetProperty("ManagedLoginVersion").GetInt32());
        var ui = TemplateJson.Single(stages["dev"], "Custom::ClassicUiCustomization").GetProperty("Properties");
        Assert.Equal("ALL", ui.GetProperty("ClientId").GetString());
        Assert.Equal(File.ReadAllText(RepositoryFiles.PathOf("branding/classic/hosted-ui.css")), ui.GetProperty("Css").GetString());
        Assert.Equal(File.ReadAllBytes(RepositoryFiles.PathOf("branding/classic/logo.png")), Convert.FromBase64String(ui.GetProperty("ImageFile").GetString()!));
        Assert.Empty(TemplateJson.OfType(stages["dev"], "AWS::Cognito::UserPoolUICustomizationAttachment"));
        Assert.Empty(TemplateJson.OfType(stages["dev"], "AWS::Cognito::ManagedLoginBranding"));

        var functions = TemplateJson.OfType(stages["dev"], "AWS::Lambda::Function");
        var serviceToken = ui.GetProperty("ServiceToken").GetProperty("Fn::GetAtt")[0].GetString()!;
        var function = functions[serviceToken].GetProperty("Properties");
        Assert.Equal("ClassicUiCustomization", function.GetProperty("Handler").GetString());
        Assert.Equal("provided.al2023", function.GetProperty("Runtime").GetString());
        var triggerCode = functions.Where(f => f.Key.StartsWith("TriggersPreTokenGeneration", StringComparison.Ordinal)).Select(f => f.Value.GetProperty("Properties").GetProperty("Code").GetProperty("S3Key").GetString()).Single();
        Assert.Equal(triggerCode, function.GetProperty("Code").GetProperty("S3Key").GetString());
    }

    [Fact]
    public void The_classic_ui_function_may_set_the_ui_of_this_pool_and_nothing_else()
    {
        var policy = TemplateJson.OfType(stages["dev"], "AWS::IAM::Policy").Single(p => p.Key.StartsWith("SignInClassicUiFunctionRole", StringComparison.Ordinal)).Value;
        var statements = policy.GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray().ToList();

        var cognito = Assert.Single(statements, s => s.GetProperty("Action").ToString().Contains("cognito-idp", StringComparison.Ordinal));
        Assert.Equal("cognito-idp:SetUICustomization", cognito.GetProperty("Action").GetString());
        Assert.StartsWith("IdentityUserPool", cognito.GetProperty("Resource").GetProperty("Fn::GetAtt")[0].GetString(), StringComparison.Ordinal);
        Assert.All(statements.Where(s => s.GetProperty("Resource").ValueKind == JsonValueKind.String), s => Assert.StartsWith("xray:", s.GetProperty("Action")[0].GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Staging_and_prod_serve_managed_login_with_a_style_for_each_user_facing_client(string stage)
    {
        Assert.Equal(2, TemplateJson.Single(stages[stage], "AWS::Cognito::UserPoolDomain").GetProperty("Properties").GetProperty("ManagedLoginVersion").GetInt32());
        var styles = TemplateJson.OfType(stages[stage], "AWS::Cognito::ManagedLoginBranding").Values.Select(b => b.GetProperty("Properties")).ToList();
        var styledClients = styles.Select(b => b.GetProperty("ClientId").GetProperty("Ref").GetString()).Order(StringComparer.Ordinal);
        var userFacing = TemplateJson.OfType(stages[stage], "AWS::Cognito::UserPoolClient").Keys.Where(k => !k.StartsWith("SignInMachineClient", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(userFacing, styledClients);
        Assert.All(styles, b => Assert.False(b.GetProperty("UseCognitoProvidedValues").GetBoolean()));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void The_managed_login_style_comes_from_the_repository_folder(string stage)
    {
        using var expectedSettings = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("branding/managed-login/settings.json")));
        var logo = File.ReadAllBytes(RepositoryFiles.PathOf("branding/managed-login/form-logo.dynamic.svg"));

        foreach (var style in TemplateJson.OfType(stages[stage], "AWS::Cognito::ManagedLoginBranding").Values.Select(b => b.GetProperty("Properties")))
        {
            Assert.True(JsonElement.DeepEquals(expectedSettings.RootElement, style.GetProperty("Settings")), "Settings differ from branding/managed-login/settings.json");
            var formLogo = Assert.Single(style.GetProperty("Assets").EnumerateArray(), a => string.Equals(a.GetProperty("Category").GetString(), "FORM_LOGO", StringComparison.Ordinal));
            Assert.Equal("DYNAMIC", formLogo.GetProperty("ColorMode").GetString());
            Assert.Equal("SVG", formLogo.GetProperty("Extension").GetString());
            Assert.Equal(logo, Convert.FromBase64String(formLogo.GetProperty("Bytes").GetString()!));
        }
    }

    [Fact]
    public void Prod_tokens_live_as_configured()
    {
        var spa = Client("prod", "SignInSpaClient");

        Assert.Equal(30, spa.GetProperty("AccessTokenValidity").GetInt32());
        Assert.Equal(30, spa.GetProperty("IdTokenValidity").GetInt32());
        Assert.Equal(7 * 24 * 60, spa.GetProperty("RefreshTokenValidity").GetInt32());
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Ids_and_urls_are_published_as_outputs_and_ssm_parameters(string stage)
    {
        var names = TemplateJson.OfType(stages[stage], "AWS::SSM::Parameter").Values
            .Select(p => p.GetProperty("Properties").GetProperty("Name").GetString()!).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(new[] { "clients/machine-id", "clients/server-id", "clients/spa-id", "domain-url", "hosted-sign-in-url", "provider-url", "user-pool-arn", "user-pool-id" }.Select(n => $"/identity/{stage}/{n}"), StringComparer.Ordinal),
            names);
        Assert.All(names, n => Assert.StartsWith($"/identity/{stage}/", n, StringComparison.Ordinal));
        var outputs = TemplateJson.Whole(stages[stage]).GetProperty("Outputs");
        foreach (var output in new[] { "SpaClientId", "ServerClientId", "MachineClientId", "DomainUrl", "HostedSignInUrl" })
        {
            Assert.True(outputs.TryGetProperty(output, out _), output);
        }
    }

    // Choice-based sign-in (API reference, SignInPolicyType: Essentials tier or higher, PASSWORD always
    // kept): staging and prod offer passkeys bound to their sign-in domain with user verification
    // required; dev keeps password sign-in only (no sign-in policy at all).
    [Theory]
    [InlineData("dev", null, null)]
    [InlineData("staging", new[] { "PASSWORD", "WEB_AUTHN" }, "example-identity-staging.auth.eu-west-1.amazoncognito.com")]
    [InlineData("prod", new[] { "PASSWORD", "WEB_AUTHN" }, "auth.example.com")]
    public void Staging_and_prod_offer_passkeys_on_their_sign_in_domain(string stage, string[]? factors, string? relyingParty)
    {
        var pool = TemplateJson.Single(stages[stage], "AWS::Cognito::UserPool").GetProperty("Properties");

        if (factors is null)
        {
            Assert.False(pool.GetProperty("Policies").TryGetProperty("SignInPolicy", out _));
            Assert.False(pool.TryGetProperty("WebAuthnRelyingPartyID", out _));
            return;
        }

        Assert.Equal(factors, pool.GetProperty("Policies").GetProperty("SignInPolicy").GetProperty("AllowedFirstAuthFactors").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(relyingParty, pool.GetProperty("WebAuthnRelyingPartyID").GetString());
        Assert.Equal("required", pool.GetProperty("WebAuthnUserVerification").GetString());
        Assert.NotEqual("LITE", pool.GetProperty("UserPoolTier").GetString());
        var domain = TemplateJson.Single(stages[stage], "AWS::Cognito::UserPoolDomain").GetProperty("Properties");
        Assert.StartsWith(domain.GetProperty("Domain").GetString()!, relyingParty, StringComparison.Ordinal);
        Assert.Equal(2, domain.GetProperty("ManagedLoginVersion").GetInt32());
    }
}
