namespace IdentityStack.App.Tests;

/// <summary>Every stage has an encrypted alarm topic; <c>stages.{name}.alarms</c> says who hears it.</summary>
[Collection(SynthesizedStagesDefinition.Name)]
public sealed class AlarmsTests(SynthesizedStages stages)
{
    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Every_alarm_of_the_stage_publishes_alarm_and_recovery_to_the_stage_topic(string stage)
    {
        var topicId = Assert.Single(TemplateJson.OfType(stages[stage], "AWS::SNS::Topic").Keys);
        var alarms = TemplateJson.OfType(stages[stage], "AWS::CloudWatch::Alarm").Values.ToList();

        Assert.NotEmpty(alarms);
        Assert.All(alarms, alarm =>
        {
            foreach (var field in new[] { "AlarmActions", "OKActions" })
            {
                var actions = alarm.GetProperty("Properties").GetProperty(field).EnumerateArray();
                Assert.Contains(actions, a => a.TryGetProperty("Ref", out var reference) && string.Equals(reference.GetString(), topicId, StringComparison.Ordinal));
            }
        });
        Assert.True(TemplateJson.OfType(stages[stage], "AWS::SNS::Topic")[topicId].GetProperty("Properties").TryGetProperty("KmsMasterKeyId", out _), "the alarm topic is encrypted with the stage's key");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Each_stage_has_its_dashboard_and_alarms_on_throttled_sign_ins_refreshes_and_api_5xx(string stage)
    {
        var dashboard = TemplateJson.Single(stages[stage], "AWS::CloudWatch::Dashboard").GetProperty("Properties");
        var alarmMetrics = TemplateJson.OfType(stages[stage], "AWS::CloudWatch::Alarm").Values
            .SelectMany(a => a.GetProperty("Properties").TryGetProperty("Metrics", out var metrics) ? metrics.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(m => m.TryGetProperty("MetricStat", out _))
            .Select(m => m.GetProperty("MetricStat").GetProperty("Metric"))
            .ToList();
        var clientIds = TemplateJson.OfType(stages[stage], "AWS::Cognito::UserPoolClient").Keys.ToHashSet(StringComparer.Ordinal);

        Assert.Equal("IdentityStack-" + stage, dashboard.GetProperty("DashboardName").GetString());
        foreach (var throttles in new[] { "SignInThrottles", "TokenRefreshThrottles" })
        {
            var perClient = alarmMetrics.Where(m => string.Equals(m.GetProperty("MetricName").GetString(), throttles, StringComparison.Ordinal)).ToList();
            var clientsWatched = perClient.Select(m => m.GetProperty("Dimensions").EnumerateArray().Single(d => string.Equals(d.GetProperty("Name").GetString(), "UserPoolClient", StringComparison.Ordinal)).GetProperty("Value").GetProperty("Ref").GetString()!);
            Assert.Equal(clientIds.Order(StringComparer.Ordinal), clientsWatched.Order(StringComparer.Ordinal));
        }

        Assert.Contains(alarmMetrics, m => string.Equals(m.GetProperty("Namespace").GetString(), "AWS/ApiGateway", StringComparison.Ordinal) && string.Equals(m.GetProperty("MetricName").GetString(), "5xx", StringComparison.Ordinal));
    }

    [Fact]
    public void Configured_addresses_and_topic_are_read()
    {
        using var document = JsonDocument.Parse("""{ "qa": { "region": "eu-west-1", "alarms": { "email": ["oncall@example.com"], "topicArn": "arn:aws:sns:eu-west-1:123456789012:pager" } } }""");

        var alarms = StageConfigReader.Read(document.RootElement.Clone())["qa"].Alarms;

        Assert.Equal(["oncall@example.com"], alarms.Emails);
        Assert.Equal("arn:aws:sns:eu-west-1:123456789012:pager", alarms.ExistingTopicArn);
    }

    [Theory]
    [InlineData("""{ "email": "oncall@example.com" }""", "stages.qa.alarms.email", "")]
    [InlineData("""{ "email": [null] }""", "stages.qa.alarms.email[0]", "email address")]
    [InlineData("""{ "email": ["oncall"] }""", "stages.qa.alarms.email[0]", "email address")]
    [InlineData("""{ "email": ["{{resolve:ssm:/oncall}}"] }""", "stages.qa.alarms.email[0]", "")]
    [InlineData("""{ "email": ["a@example.com", "A@example.com"] }""", "stages.qa.alarms.email", "once")]
    [InlineData("""{ "topicArn": "arn:aws:sns:eu-west-1:123456789012:pager.fifo" }""", "stages.qa.alarms.topicArn", "not FIFO")]
    [InlineData("""{ "topicArn": 42 }""", "stages.qa.alarms.topicArn", "")]
    [InlineData("""{ "emails": [] }""", "stages.qa.alarms.emails", "unknown field")]
    public void Bad_alarm_settings_are_refused_with_their_path(string alarms, string path, string fixMentions)
    {
        var problem = StageConfigProblems.Only($$"""{ "qa": { "region": "eu-west-1", "alarms": {{alarms}} } }""");

        Assert.Equal(path, problem.Path);
        Assert.Contains(fixMentions, problem.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(""", "alarms": { "email": [] }""")]
    public void A_production_stage_whose_alarms_reach_no_one_is_refused(string alarms)
    {
        var problem = StageConfigProblems.Only($$"""{ "qa": { "region": "eu-west-1", "production": true, "selfSignUp": false {{alarms}} } }""");

        Assert.Equal("stages.qa.alarms.email", problem.Path);
        Assert.Equal("none (and no existing topic)", problem.Found);
        Assert.Contains("production alarms must reach someone", problem.Fix, StringComparison.Ordinal);
        Assert.Contains("alarms.topicArn", problem.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev", 0)]
    [InlineData("staging", 0)]
    [InlineData("prod", 6)]
    public void Every_stage_alarms_on_high_risk_sign_ins_and_each_federated_provider_on_throttled_federation(string stage, int providers)
    {
        var alarms = TemplateJson.OfType(stages[stage], "AWS::CloudWatch::Alarm").Values.Select(a => a.GetProperty("Properties")).ToList();
        var metricNames = alarms.Select(a => a.TryGetProperty("Metrics", out var metrics)
            ? metrics.EnumerateArray().Where(m => m.TryGetProperty("MetricStat", out _)).Select(m => m.GetProperty("MetricStat").GetProperty("Metric").GetProperty("MetricName").GetString()!).ToHashSet(StringComparer.Ordinal)
            : []).ToList();

        var highRisk = Assert.Single(metricNames, n => n.Contains("AccountTakeoverRisk"));
        Assert.Contains("CompromisedCredentialRisk", highRisk);
        Assert.Equal(providers, metricNames.Count(n => n.SetEquals(["FederationThrottles"])));
        var federations = TemplateJson.OfType(stages[stage], "AWS::Cognito::UserPoolIdentityProvider").Values.Select(p => p.GetProperty("Properties").GetProperty("ProviderName").GetString()).ToList();
        Assert.Equal(providers, federations.Count);
        Assert.All(federations, name => Assert.Contains(alarms, a => a.GetProperty("AlarmDescription").GetString()!.Contains("through " + name + ":", StringComparison.Ordinal)));
    }
}
