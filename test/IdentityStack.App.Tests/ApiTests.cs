using IdentityStack.Triggers.Contract;

namespace IdentityStack.App.Tests;

/// <summary>The JWT-protected HTTP API, per stage: authorizer, routes and scopes, stage, backend.</summary>
[Collection(SynthesizedStagesDefinition.Name)]
public sealed class ApiTests(SynthesizedStages stages)
{
    public static TheoryData<string> AllStages => ["dev", "staging", "prod"];

    private JsonElement Properties(string stage, string type) => TemplateJson.Single(stages[stage], type).GetProperty("Properties");

    private string LogicalId(string stage, string type, string prefix) => TemplateJson.OfType(stages[stage], type).Keys.Single(k => k.StartsWith(prefix, StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(AllStages))]
    public void The_authorizer_takes_the_pools_issuer_and_all_three_clients_as_audience(string stage)
    {
        var jwt = Properties(stage, "AWS::ApiGatewayV2::Authorizer");
        Assert.Equal("JWT", jwt.GetProperty("AuthorizerType").GetString());
        Assert.Equal("$request.header.Authorization", jwt.GetProperty("IdentitySource")[0].GetString());

        var issuer = jwt.GetProperty("JwtConfiguration").GetProperty("Issuer").GetProperty("Fn::Join")[1];
        Assert.Equal("https://cognito-idp.eu-west-1.amazonaws.com/", issuer[0].GetString());
        Assert.Equal(LogicalId(stage, "AWS::Cognito::UserPool", "IdentityUserPool"), issuer[1].GetProperty("Ref").GetString());
        var audience = jwt.GetProperty("JwtConfiguration").GetProperty("Audience").EnumerateArray().Select(a => a.GetProperty("Ref").GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal(TemplateJson.OfType(stages[stage], "AWS::Cognito::UserPoolClient").Keys.Order(StringComparer.Ordinal), audience);
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Routes_need_a_token_and_their_scope_except_health(string stage)
    {
        var routes = TemplateJson.OfType(stages[stage], "AWS::ApiGatewayV2::Route").Values.Select(r => r.GetProperty("Properties"))
            .ToDictionary(r => r.GetProperty("RouteKey").GetString()!, r => r, StringComparer.Ordinal);

        // dev configures developer login (api.developerLogin): its route is public, like /health.
        string[] expected = string.Equals(stage, "dev", StringComparison.Ordinal)
            ? ["GET /admin/users", "GET /health", "GET /me", "POST /developer-identity", "POST /items"]
            : ["GET /admin/users", "GET /health", "GET /me", "POST /items"];
        Assert.Equal(expected, routes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("NONE", routes["GET /health"].GetProperty("AuthorizationType").GetString());
        Assert.All(routes.Where(r => r.Key.Contains("developer", StringComparison.Ordinal)), r => Assert.Equal("NONE", r.Value.GetProperty("AuthorizationType").GetString()));
        foreach (var (route, scope) in new[] { ("GET /me", (string?)null), ("POST /items", "identitystack/write"), ("GET /admin/users", "identitystack/admin") })
        {
            Assert.Equal("JWT", routes[route].GetProperty("AuthorizationType").GetString());
            Assert.Equal(scope, routes[route].TryGetProperty("AuthorizationScopes", out var scopes) ? scopes[0].GetString() : null);
        }
    }

    [Theory]
    [InlineData("dev", 20, 40)]
    [InlineData("staging", 50, 100)]
    [InlineData("prod", 200, 400)]
    public void The_stage_logs_json_and_throttles_as_configured(string stage, int rate, int burst)
    {
        var properties = Properties(stage, "AWS::ApiGatewayV2::Stage");

        using var format = JsonDocument.Parse(properties.GetProperty("AccessLogSettings").GetProperty("Format").GetString()!);
        Assert.Equal("$context.requestId", format.RootElement.GetProperty("requestId").GetString());
        Assert.Equal("$context.authorizer.error", format.RootElement.GetProperty("authorizerError").GetString());
        Assert.Equal(LogicalId(stage, "AWS::Logs::LogGroup", "ApiAccessLogs"), properties.GetProperty("AccessLogSettings").GetProperty("DestinationArn").GetProperty("Fn::GetAtt")[0].GetString());
        Assert.Equal(rate, properties.GetProperty("DefaultRouteSettings").GetProperty("ThrottlingRateLimit").GetInt32());
        Assert.Equal(burst, properties.GetProperty("DefaultRouteSettings").GetProperty("ThrottlingBurstLimit").GetInt32());
    }

    [Fact]
    public void Cors_allows_only_the_app_origins()
    {
        var cors = Properties("prod", "AWS::ApiGatewayV2::Api").GetProperty("CorsConfiguration");

        Assert.Equal(["https://app.example.com"], cors.GetProperty("AllowOrigins").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(["authorization", "content-type"], cors.GetProperty("AllowHeaders").EnumerateArray().Select(o => o.GetString()));
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void The_backend_is_the_platform_binary_and_may_only_scan_the_directory(string stage)
    {
        var functionId = LogicalId(stage, "AWS::Lambda::Function", "ApiBackendFunction");
        var function = TemplateJson.OfType(stages[stage], "AWS::Lambda::Function")[functionId].GetProperty("Properties");
        Assert.Equal("ApiBackend", function.GetProperty("Handler").GetString());
        var environment = function.GetProperty("Environment").GetProperty("Variables");
        Assert.Equal("identitystack", environment.GetProperty("API_RESOURCE_SERVER").GetString());
        Assert.Equal("admins", environment.GetProperty("API_ADMIN_GROUP").GetString());

        var policy = TemplateJson.OfType(stages[stage], "AWS::IAM::Policy").Single(p => p.Key.StartsWith("ApiBackendRole", StringComparison.Ordinal)).Value;
        var data = policy.GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray()
            .Single(s => s.GetProperty("Action").ToString().Contains("dynamodb:Query", StringComparison.Ordinal));
        // Only a query of the tenant index: the admin listing never scans the directory.
        Assert.Equal("dynamodb:Query", data.GetProperty("Action").GetString());
        var resource = data.GetProperty("Resource").GetProperty("Fn::Join")[1];
        Assert.Equal(LogicalId(stage, "AWS::DynamoDB::Table", "TriggersDirectoryTable"), resource[0].GetProperty("Fn::GetAtt")[0].GetString());
        Assert.Equal("/index/tenant-users", resource[1].GetString());

        var table = TemplateJson.OfType(stages[stage], "AWS::DynamoDB::Table")[LogicalId(stage, "AWS::DynamoDB::Table", "TriggersDirectoryTable")].GetProperty("Properties");
        var index = Assert.Single(table.GetProperty("GlobalSecondaryIndexes").EnumerateArray());
        Assert.Equal("tenant-users", index.GetProperty("IndexName").GetString());
        Assert.Equal(
            [("tenantId", "HASH"), ("pk", "RANGE")],
            index.GetProperty("KeySchema").EnumerateArray().Select(k => (k.GetProperty("AttributeName").GetString(), k.GetProperty("KeyType").GetString())));
        Assert.Equal("INCLUDE", index.GetProperty("Projection").GetProperty("ProjectionType").GetString());

        var permission = TemplateJson.OfType(stages[stage], "AWS::Lambda::Permission").Values.Select(p => p.GetProperty("Properties"))
            .Where(p => string.Equals(p.GetProperty("Principal").GetString(), "apigateway.amazonaws.com", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(permission);
        Assert.All(permission, p => Assert.Contains("execute-api", p.GetProperty("SourceArn").ToString(), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void The_api_url_is_published(string stage)
    {
        Assert.True(TemplateJson.Whole(stages[stage]).GetProperty("Outputs").TryGetProperty("ApiUrl", out _));
        Assert.Contains(TemplateJson.OfType(stages[stage], "AWS::SSM::Parameter").Values, p => string.Equals(p.GetProperty("Properties").GetProperty("Name").GetString(), $"/identity/{stage}/api/url", StringComparison.Ordinal));
    }

    // Developer login (dev): the public route is throttled on its own, the backend learns the pool,
    // provider and token lifetime, and may issue developer identities in this identity pool only and
    // read the legacy directory's items only.
    [Fact]
    public void Developer_login_is_throttled_on_its_own_and_may_only_issue_identities_of_this_pool()
    {
        var stageProperties = Properties("dev", "AWS::ApiGatewayV2::Stage");
        var routeSettings = stageProperties.GetProperty("RouteSettings").GetProperty("POST /developer-identity");
        Assert.Equal(5, routeSettings.GetProperty("ThrottlingRateLimit").GetInt32());
        Assert.Equal(10, routeSettings.GetProperty("ThrottlingBurstLimit").GetInt32());

        // The developer login is a function of its own; only its role may issue developer identities.
        var functionId = LogicalId("dev", "AWS::Lambda::Function", "ApiDeveloperLoginFunction");
        var login = TemplateJson.OfType(stages["dev"], "AWS::Lambda::Function")[functionId].GetProperty("Properties");
        Assert.Equal(ApiHandlerNames.DeveloperLogin, login.GetProperty("Handler").GetString());
        var variables = login.GetProperty("Environment").GetProperty("Variables");
        var identityPoolId = LogicalId("dev", "AWS::Cognito::IdentityPool", "IdentityPool");
        Assert.Equal(identityPoolId, variables.GetProperty("API_IDENTITY_POOL_ID").GetProperty("Ref").GetString());
        Assert.Equal("login.identitystack.dev", variables.GetProperty("API_DEVELOPER_PROVIDER").GetString());
        Assert.Equal("900", variables.GetProperty("API_DEVELOPER_TOKEN_SECONDS").GetString());
        Assert.Equal("example.com,example.org", variables.GetProperty(TriggerEnvironment.AllowedEmailDomains).GetString());
        Assert.Equal(LogicalId("dev", "AWS::DynamoDB::Table", "TriggersLegacyUsersTable"), variables.GetProperty("LEGACY_USERS_TABLE").GetProperty("Ref").GetString());

        var statements = TemplateJson.OfType(stages["dev"], "AWS::IAM::Policy").Single(p => p.Key.StartsWith("ApiDeveloperLoginRole", StringComparison.Ordinal)).Value
            .GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray().ToList();
        var issue = Assert.Single(statements, s => s.GetProperty("Action").ToString().Contains("cognito-identity", StringComparison.Ordinal));
        Assert.Equal("cognito-identity:GetOpenIdTokenForDeveloperIdentity", issue.GetProperty("Action").GetString());
        Assert.Contains($"{{\"Ref\":\"{identityPoolId}\"}}", issue.GetProperty("Resource").GetRawText(), StringComparison.Ordinal);
        Assert.Contains(":identitypool/", issue.GetProperty("Resource").GetRawText(), StringComparison.Ordinal);
        var read = Assert.Single(statements, s => string.Equals(s.GetProperty("Action").ToString(), "dynamodb:GetItem", StringComparison.Ordinal) && s.GetProperty("Resource").ToString().Contains("LegacyUsersTable", StringComparison.Ordinal));
        Assert.Equal(LogicalId("dev", "AWS::DynamoDB::Table", "TriggersLegacyUsersTable"), read.GetProperty("Resource").GetProperty("Fn::GetAtt")[0].GetString());
        var backendStatements = TemplateJson.OfType(stages["dev"], "AWS::IAM::Policy").Single(p => p.Key.StartsWith("ApiBackendRole", StringComparison.Ordinal)).Value.GetRawText();
        Assert.DoesNotContain("cognito-identity", backendStatements, StringComparison.Ordinal);
        var route = TemplateJson.OfType(stages["dev"], "AWS::ApiGatewayV2::Route").Values.Single(r => string.Equals(r.GetProperty("Properties").GetProperty("RouteKey").GetString(), "POST /developer-identity", StringComparison.Ordinal));
        var integration = TemplateJson.OfType(stages["dev"], "AWS::ApiGatewayV2::Integration")[route.GetProperty("Properties").GetProperty("Target").GetProperty("Fn::Join")[1][1].GetProperty("Ref").GetString()!];
        Assert.Equal(functionId, integration.GetProperty("Properties").GetProperty("IntegrationUri").GetProperty("Fn::GetAtt")[0].GetString());

        foreach (var stage in new[] { "staging", "prod" })
        {
            Assert.DoesNotContain(TemplateJson.OfType(stages[stage], "AWS::Lambda::Function").Values, f => string.Equals(f.GetProperty("Properties").GetProperty("Handler").GetString(), ApiHandlerNames.DeveloperLogin, StringComparison.Ordinal));
        }
    }
}
