using System.Text.Json;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.Cognito;
using IdentityStack.Constructs.Monitoring;

namespace IdentityStack.Constructs.Tests;

/// <summary>
/// The operator's alarms and dashboard. Cognito publishes SignInThrottles and TokenRefreshThrottles
/// in AWS/Cognito per UserPool and UserPoolClient ("User pool metrics in CloudWatch",
/// https://docs.aws.amazon.com/cognito/latest/developerguide/metrics-for-cognito-user-pools.html),
/// so an alarm on the pool sums the clients' metrics.
/// </summary>
public sealed class IdentityPlatformMonitoringTests
{
    [Fact]
    public void Throttled_sign_ins_and_refreshes_alarm_on_the_sum_over_every_client_with_the_pool_and_client_dimensions()
    {
        var (stack, _) = Monitored(clients: 2, api: false);

        var template = Template.FromStack(stack);
        foreach (var (metricName, id) in new[] { ("SignInThrottles", "signInThrottles"), ("TokenRefreshThrottles", "tokenRefreshThrottles") })
        {
            template.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
            {
                ["Threshold"] = 1,
                ["ComparisonOperator"] = "GreaterThanOrEqualToThreshold",
                ["Metrics"] = Match.ArrayWith([
                    Match.ObjectLike(new Dictionary<string, object> { ["Expression"] = $"FILL({id}0, 0) + FILL({id}1, 0)" }),
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Id"] = id + "1",
                        ["MetricStat"] = Match.ObjectLike(new Dictionary<string, object>
                        {
                            ["Stat"] = "Sum",
                            ["Metric"] = Match.ObjectLike(new Dictionary<string, object>
                            {
                                ["Namespace"] = "AWS/Cognito",
                                ["MetricName"] = metricName,
                                ["Dimensions"] = Match.ArrayWith([
                                    Match.ObjectLike(new Dictionary<string, object> { ["Name"] = "UserPool", ["Value"] = "eu-west-1_Pool" }),
                                    Match.ObjectLike(new Dictionary<string, object> { ["Name"] = "UserPoolClient", ["Value"] = "client1" }),
                                ]),
                            }),
                        }),
                    }),
                ]),
            });
        }
    }

    [Fact]
    public void Api_server_errors_alarm_only_when_there_is_an_api()
    {
        var (withApi, _) = Monitored(clients: 1, api: true);
        var (withoutApi, _) = Monitored(clients: 1, api: false);

        Template.FromStack(withApi).HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["Threshold"] = 5,
            ["Metrics"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
            {
                ["MetricStat"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Stat"] = "Sum",
                    ["Metric"] = new Dictionary<string, object>
                    {
                        ["Namespace"] = "AWS/ApiGateway",
                        ["MetricName"] = "5xx",
                        ["Dimensions"] = new object[] { new Dictionary<string, object> { ["Name"] = "ApiId", ["Value"] = "api123" } },
                    },
                }),
            })]),
        });
        Template.FromStack(withApi).ResourceCountIs("AWS::CloudWatch::Alarm", 3);
        Template.FromStack(withoutApi).ResourceCountIs("AWS::CloudWatch::Alarm", 2);
    }

    [Fact]
    public void The_dashboard_draws_trigger_duration_against_cognitos_5_second_limit_sign_ins_refreshes_and_api_responses()
    {
        var (stack, _) = Monitored(clients: 1, api: true);

        var (name, body) = DashboardNameAndBody(stack);

        Assert.Equal("IdentityStack-qa", name);
        foreach (var expected in new[] { "{\"value\":5000,\"color\":\"#d62728\",\"label\":\"Cognito's limit\"", "\"SignInSuccesses\"", "\"TokenRefreshSuccesses\"", "\"Duration\"", "\"Errors\"", "\"4xx\"", "\"5xx\"", "\"label\":\"PreSignUp_Handler\",\"stat\":\"Maximum\"" })
        {
            Assert.Contains(expected, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_pool_without_clients_or_api_still_gets_its_dashboard_and_no_empty_alarm_widget()
    {
        var (stack, monitoring) = Monitored(clients: 0, api: false);

        var template = Template.FromStack(stack);

        template.ResourceCountIs("AWS::CloudWatch::Dashboard", 1);
        template.ResourceCountIs("AWS::CloudWatch::Alarm", 0);
        Assert.Empty(monitoring.Alarms);
        Assert.DoesNotContain("\"type\":\"alarm\"", DashboardNameAndBody(stack).Body, StringComparison.Ordinal);
    }

    /// <summary>
    /// Cognito publishes AccountTakeoverRisk and CompromisedCredentialRisk with the dimensions
    /// UserPoolId, Operation (PasswordChange, SignIn or SignUp) and RiskLevel (high, medium, low)
    /// ("Viewing threat protection metrics", on the page above), so the alarm sums the two for SignIn at high.
    /// </summary>
    [Fact]
    public void With_threat_protection_high_risk_sign_ins_alarm_on_takeover_plus_compromised_credentials_at_high_risk()
    {
        var stack = new Stack(new App(), "Consumer");
        _ = new IdentityPlatformMonitoring(stack, "Monitoring", Props(stack, "IdentityStack-qa", 1, api: false) with { ThreatProtection = true, HighRiskSignInThreshold = 25 });

        var template = Template.FromStack(stack);
        var riskMetric = (string metricName, string id) => Match.ObjectLike(new Dictionary<string, object>
        {
            ["Id"] = id,
            ["MetricStat"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Stat"] = "Sum",
                ["Metric"] = new Dictionary<string, object>
                {
                    ["Namespace"] = "AWS/Cognito",
                    ["MetricName"] = metricName,
                    ["Dimensions"] = new object[]
                    {
                        new Dictionary<string, object> { ["Name"] = "Operation", ["Value"] = "SignIn" },
                        new Dictionary<string, object> { ["Name"] = "RiskLevel", ["Value"] = "high" },
                        new Dictionary<string, object> { ["Name"] = "UserPoolId", ["Value"] = "eu-west-1_Pool" },
                    },
                },
            }),
        });
        template.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["Threshold"] = 25,
            ["ComparisonOperator"] = "GreaterThanOrEqualToThreshold",
            ["TreatMissingData"] = "notBreaching",
            ["Metrics"] = Match.ArrayWith([
                Match.ObjectLike(new Dictionary<string, object> { ["Expression"] = "FILL(takeover, 0) + FILL(compromised, 0)" }),
                riskMetric("AccountTakeoverRisk", "takeover"),
                riskMetric("CompromisedCredentialRisk", "compromised"),
            ]),
        });
        template.ResourceCountIs("AWS::CloudWatch::Alarm", 3);
        Assert.Contains("High-risk sign-ins", DashboardNameAndBody(stack).Body, StringComparison.Ordinal);

        var (withoutThreatProtection, _) = Monitored(clients: 1, api: false);
        Assert.DoesNotContain("AccountTakeoverRisk", JsonSerializer.Serialize(Template.FromStack(withoutThreatProtection).ToJSON()), StringComparison.Ordinal);
    }

    /// <summary>
    /// FederationThrottles is published per UserPool, UserPoolClient and IdentityProvider (same page),
    /// so each provider's alarm sums its clients. Failed federations are not alarmed: the page counts
    /// a request that yields an authorization code but no tokens as 0 in FederationSuccesses.
    /// </summary>
    [Fact]
    public void Each_identity_provider_gets_an_alarm_on_throttled_federation_over_every_client_and_failures_are_only_drawn()
    {
        var stack = new Stack(new App(), "Consumer");
        _ = new IdentityPlatformMonitoring(stack, "Monitoring", Props(stack, "IdentityStack-qa", 2, api: false) with { IdentityProviders = ["Google", "AcmeSaml"] });

        var template = Template.FromStack(stack);
        foreach (var (provider, index) in new[] { ("Google", 0), ("AcmeSaml", 1) })
        {
            template.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
            {
                ["Threshold"] = 1,
                ["AlarmDescription"] = Match.StringLikeRegexp("through " + provider + ":"),
                ["Metrics"] = Match.ArrayWith([
                    Match.ObjectLike(new Dictionary<string, object> { ["Expression"] = $"FILL(federation{index}c0, 0) + FILL(federation{index}c1, 0)" }),
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Id"] = $"federation{index}c1",
                        ["MetricStat"] = Match.ObjectLike(new Dictionary<string, object>
                        {
                            ["Metric"] = new Dictionary<string, object>
                            {
                                ["Namespace"] = "AWS/Cognito",
                                ["MetricName"] = "FederationThrottles",
                                ["Dimensions"] = new object[]
                                {
                                    new Dictionary<string, object> { ["Name"] = "IdentityProvider", ["Value"] = provider },
                                    new Dictionary<string, object> { ["Name"] = "UserPool", ["Value"] = "eu-west-1_Pool" },
                                    new Dictionary<string, object> { ["Name"] = "UserPoolClient", ["Value"] = "client1" },
                                },
                            },
                        }),
                    }),
                ]),
            });
        }

        template.ResourceCountIs("AWS::CloudWatch::Alarm", 4);
        var body = DashboardNameAndBody(stack).Body;
        Assert.Contains("\"FederationSuccesses\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("FederationSuccesses", JsonSerializer.Serialize(template.FindResources("AWS::CloudWatch::Alarm")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, new[] { "Google" }, "HighRiskSignInThreshold")]
    [InlineData(10, new[] { "Google", "Google" }, "listed twice")]
    [InlineData(10, new[] { "Acme/Saml" }, "no '/'")]
    [InlineData(10, new[] { " " }, "IdentityProviders")]
    public void Bad_security_alarm_props_are_refused_naming_the_property(int threshold, string[] providers, string mentions)
    {
        var stack = new Stack(new App(), "Consumer");

        var error = Assert.Throws<ArgumentException>(() => new IdentityPlatformMonitoring(stack, "Monitoring", Props(stack, "IdentityStack-qa", 1, api: false) with { HighRiskSignInThreshold = threshold, IdentityProviders = providers }));

        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("identity stack", 1, "DashboardName")]
    [InlineData("IdentityStack-qa", 11, "at most 10")]
    public void Bad_props_are_refused_naming_the_property(string dashboardName, int clients, string mentions)
    {
        var stack = new Stack(new App(), "Consumer");

        var error = Assert.Throws<ArgumentException>(() => new IdentityPlatformMonitoring(stack, "Monitoring", Props(stack, dashboardName, clients, api: false)));

        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
    }

    private static (Stack Stack, IdentityPlatformMonitoring Monitoring) Monitored(int clients, bool api)
    {
        var stack = new Stack(new App(), "Consumer");
        return (stack, new IdentityPlatformMonitoring(stack, "Monitoring", Props(stack, "IdentityStack-qa", clients, api)));
    }

    private static IdentityPlatformMonitoringProps Props(Stack stack, string dashboardName, int clients, bool api) => new()
    {
        UserPool = UserPool.FromUserPoolId(stack, "Pool", "eu-west-1_Pool"),
        DashboardName = dashboardName,
        Clients = [.. Enumerable.Range(0, clients).Select(i => UserPoolClient.FromUserPoolClientId(stack, "Client" + i, "client" + i))],
        Triggers = new Dictionary<string, IFunction>(StringComparer.Ordinal) { ["PreSignUp_Handler"] = Function.FromFunctionName(stack, "PreSignUp", "pre-sign-up") },
        Api = api ? HttpApi.FromHttpApiAttributes(stack, "Api", new HttpApiAttributes { HttpApiId = "api123" }) : null,
    };

    /// <summary>The dashboard's name and its body as text (the body is an Fn::Join of literal parts and references).</summary>
    private static (string Name, string Body) DashboardNameAndBody(Stack stack)
    {
        var resources = JsonSerializer.SerializeToElement(Template.FromStack(stack).FindResources("AWS::CloudWatch::Dashboard"));
        var properties = Assert.Single(resources.EnumerateObject().ToList()).Value.GetProperty("Properties");
        var parts = properties.GetProperty("DashboardBody").GetProperty("Fn::Join")[1].EnumerateArray();
        var body = string.Concat(parts.Select(p => p.ValueKind == JsonValueKind.String ? p.GetString() : "${ref}"));
        return (properties.GetProperty("DashboardName").GetString()!, body);
    }
}
