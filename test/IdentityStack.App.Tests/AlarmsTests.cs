using System.Text.Json;
using IdentityStack.App.Configuration;
using IdentityStack.App.Tests.Fixtures;

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

    [Fact]
    public void Configured_addresses_and_topic_are_read()
    {
        using var document = JsonDocument.Parse("""{ "qa": { "region": "eu-west-1", "alarms": { "email": ["oncall@example.com"], "topicArn": "arn:aws:sns:eu-west-1:123456789012:pager" } } }""");

        var alarms = StageConfigReader.Read(document.RootElement.Clone())["qa"].Alarms;

        Assert.Equal(["oncall@example.com"], alarms.Emails);
        Assert.Equal("arn:aws:sns:eu-west-1:123456789012:pager", alarms.TopicArn);
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
}
