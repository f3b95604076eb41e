using System.Text.Json;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.DynamoDB;
using IdentityStack.Constructs.Api;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs.Tests;

/// <summary>The JWT-protected API on its own, as a consuming team uses it: the contract's routes, the authorizer's scopes, and its refusals.</summary>
public sealed class JwtProtectedApiTests
{
    private static (Stack Stack, JwtProtectedApiProps Props) Parts(JwtProtectedApiOptions options)
    {
        var stack = new Stack(new App(), "Consumer", new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" } });
        var pool = UserPool.FromUserPoolId(stack, "Pool", "eu-west-1_Pool");
        return (stack, new JwtProtectedApiProps(options)
        {
            UserPool = pool,
            Clients = [UserPoolClient.FromUserPoolClientId(stack, "Web", "web-client")],
            ResourceServerIdentifier = "my-api",
            Binary = new NativeAotBinary(Code.FromBucket(Amazon.CDK.AWS.S3.Bucket.FromBucketName(stack, "Artifacts", "artifacts"), "bootstrap.zip"), Architecture.ARM_64),
            DirectoryTable = Table.FromTableName(stack, "Directory", "directory"),
        });
    }

    [Fact]
    public void Every_route_of_the_contract_is_created_with_the_jwt_authorizer_and_its_scope_and_health_is_public()
    {
        var (stack, props) = Parts(new JwtProtectedApiOptions { AdminGroup = "admins", Throttle = new ApiThrottle { RateLimit = 20, BurstLimit = 40 } });
        _ = new JwtProtectedApi(stack, "Api", props);

        var template = Template.FromStack(stack);
        var routes = JsonSerializer.SerializeToElement(template.FindResources("AWS::ApiGatewayV2::Route")).EnumerateObject()
            .Select(r => r.Value.GetProperty("Properties")).ToDictionary(r => r.GetProperty("RouteKey").GetString()!, StringComparer.Ordinal);
        Assert.Equal(ApiRouteTable.All.Select(r => r.Key).Order(StringComparer.Ordinal), routes.Keys.Order(StringComparer.Ordinal));
        foreach (var route in ApiRouteTable.All)
        {
            var properties = routes[route.Key];
            Assert.Equal(route.RequiresToken ? "JWT" : "NONE", properties.GetProperty("AuthorizationType").GetString());
            var scopes = properties.TryGetProperty("AuthorizationScopes", out var s) ? s.EnumerateArray().Select(x => x.GetString()).ToList() : [];
            Assert.Equal(string.IsNullOrEmpty(route.Scope) ? [] : [ApiScopeNames.Qualified("my-api", route.Scope)], scopes);
        }

        template.HasResourceProperties("AWS::ApiGatewayV2::Stage", new Dictionary<string, object>
        {
            ["DefaultRouteSettings"] = Match.ObjectLike(new Dictionary<string, object> { ["ThrottlingRateLimit"] = 20, ["ThrottlingBurstLimit"] = 40 }),
        });
    }

    [Fact]
    public void Bad_options_are_refused_all_at_once_naming_each_property()
    {
        var (stack, props) = Parts(new JwtProtectedApiOptions { AdminGroup = " ", Throttle = new ApiThrottle { RateLimit = 0, BurstLimit = 99999 } });

        var error = Assert.Throws<ArgumentException>(() => new JwtProtectedApi(stack, "Api", props with { Clients = [] }));

        Assert.Contains("JwtProtectedApiProps.AdminGroup = \" \": name the group", error.Message, StringComparison.Ordinal);
        Assert.Contains("JwtProtectedApiProps.Throttle.RateLimit = 0: use from 1 to 10000", error.Message, StringComparison.Ordinal);
        Assert.Contains("JwtProtectedApiProps.Throttle.BurstLimit = 99999: use from 1 to 5000", error.Message, StringComparison.Ordinal);
        Assert.Contains("JwtProtectedApiProps.Clients = none", error.Message, StringComparison.Ordinal);
        Assert.Equal(["adminGroup", "throttle.rateLimit", "throttle.burstLimit"], new JwtProtectedApiOptions { Throttle = new ApiThrottle { RateLimit = 0, BurstLimit = 0 } }.Problems().Select(p => p.ConfigPath));
    }

    [Fact]
    public void Developer_login_adds_a_public_route_with_its_own_throttle_and_needs_its_target()
    {
        var (stack, props) = Parts(new JwtProtectedApiOptions { AdminGroup = "admins", DeveloperLogin = new DeveloperLoginOptions { TokenDuration = Duration.Minutes(5) } });
        var legacy = Table.FromTableName(stack, "Legacy", "legacy-users");

        var refused = Assert.Throws<ArgumentException>(() => new JwtProtectedApi(stack, "Refused", props));
        _ = new JwtProtectedApi(stack, "Api", props with { DeveloperIdentities = new DeveloperIdentityTarget("eu-west-1:pool-id", "login.example.app", legacy) });

        Assert.Contains("JwtProtectedApiProps.DeveloperIdentities = null: DeveloperLogin needs the identity pool id", refused.Message, StringComparison.Ordinal);
        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", new Dictionary<string, object>(StringComparer.Ordinal) { ["RouteKey"] = ApiRouteTable.DeveloperLogin.Key, ["AuthorizationType"] = "NONE" });
        template.HasResourceProperties("AWS::ApiGatewayV2::Stage", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["RouteSettings"] = new Dictionary<string, object>(StringComparer.Ordinal) { [ApiRouteTable.DeveloperLogin.Key] = new Dictionary<string, object>(StringComparer.Ordinal) { ["ThrottlingRateLimit"] = 5, ["ThrottlingBurstLimit"] = 10 } },
        });
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["Environment"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["Variables"] = Match.ObjectLike(new Dictionary<string, object>(StringComparer.Ordinal) { [ApiEnvironment.IdentityPoolId] = "eu-west-1:pool-id", [ApiEnvironment.DeveloperTokenSeconds] = "300" }) },
        });
        // Only the login's own role may issue developer identities (in this identity pool only); the
        // backend's role, which every other route runs with, may not.
        var policies = JsonSerializer.SerializeToElement(template.FindResources("AWS::IAM::Policy")).EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray().ToList(), StringComparer.Ordinal);
        var issuers = policies.Where(p => p.Value.Any(s => s.GetProperty("Action").ToString().Contains("cognito-identity", StringComparison.Ordinal))).ToList();
        var (issuerPolicy, issuerStatements) = Assert.Single(issuers);
        Assert.StartsWith("ApiDeveloperLogin", issuerPolicy, StringComparison.Ordinal);
        var statement = issuerStatements.Single(s => s.GetProperty("Action").ToString().Contains("cognito-identity", StringComparison.Ordinal));
        Assert.Equal("cognito-identity:GetOpenIdTokenForDeveloperIdentity", statement.GetProperty("Action").GetString());
        Assert.Equal(
            ["arn:", ":cognito-identity:eu-west-1:123456789012:identitypool/eu-west-1:pool-id"],
            statement.GetProperty("Resource").GetProperty("Fn::Join")[1].EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()));
        // Its directory access: tenants and its failure counters (read), and the counters only (write).
        var writes = issuerStatements.Single(s => s.GetProperty("Action").ToString().Contains("dynamodb:UpdateItem", StringComparison.Ordinal));
        Assert.Equal(["LOGIN#*"], writes.GetProperty("Condition").GetProperty("ForAllValues:StringLike").GetProperty("dynamodb:LeadingKeys").EnumerateArray().Select(k => k.GetString()));
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>(StringComparer.Ordinal) { ["Handler"] = ApiHandlerNames.DeveloperLogin });
        template.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>(StringComparer.Ordinal) { ["MetricName"] = TriggerMetricNames.DeveloperLoginFailure, ["Namespace"] = TriggerMetricNames.Namespace });
    }

    [Fact]
    public void A_production_api_offers_no_developer_login()
    {
        var options = new JwtProtectedApiOptions { AdminGroup = "admins", Production = true, DeveloperLogin = new DeveloperLoginOptions() };

        var problem = Assert.Single(options.Problems());

        Assert.Equal("DeveloperLogin", problem.Property);
        Assert.Contains("without the MFA", problem.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(86401)]
    public void A_developer_token_outside_cognitos_limits_is_refused(int seconds)
    {
        var options = new JwtProtectedApiOptions { AdminGroup = "admins", DeveloperLogin = new DeveloperLoginOptions { TokenDuration = Duration.Seconds(seconds) } };

        var problem = Assert.Single(options.Problems());

        Assert.Equal("DeveloperLogin.TokenDuration", problem.Property);
        Assert.Contains("from 1 second to 24 hours", problem.Fix, StringComparison.Ordinal);
    }
}
