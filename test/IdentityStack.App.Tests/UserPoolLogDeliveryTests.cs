namespace IdentityStack.App.Tests;

/// <summary>
/// The pool's own logs: message delivery errors and (Plus tier) authentication events, to a
/// /aws/vendedlogs/ log group with the stage's retention. Cognito takes the group's ARN without the
/// ":*" suffix (CloudFormation reference, AWS::Cognito::LogDeliveryConfiguration
/// CloudWatchLogsConfiguration: its LogGroupArn pattern has no '*').
/// </summary>
[Collection(SynthesizedStagesDefinition.Name)]
public sealed class UserPoolLogDeliveryTests(SynthesizedStages stages)
{
    [Theory]
    [InlineData("dev", 30)]
    [InlineData("staging", 365)]
    [InlineData("prod", 365)]
    public void Message_errors_and_authentication_events_go_to_a_vended_log_group_with_the_stage_retention(string stage, int days)
    {
        var group = TemplateJson.OfType(stages[stage], "AWS::Logs::LogGroup").Single(g => g.Key.StartsWith("UserPoolLogs", StringComparison.Ordinal)).Value.GetProperty("Properties");
        var name = group.GetProperty("LogGroupName").GetString()!;
        var delivery = TemplateJson.Single(stages[stage], "AWS::Cognito::LogDeliveryConfiguration").GetProperty("Properties");

        Assert.Equal($"/aws/vendedlogs/cognito/IdentityStack-{stage}/UserPoolLogs", name);
        Assert.Equal(days, group.GetProperty("RetentionInDays").GetInt32());
        Assert.False(group.TryGetProperty("KmsKeyId", out _), "Cognito cannot deliver to a KMS-encrypted log group");
        Assert.Equal(LogicalIdOfPool(stage), delivery.GetProperty("UserPoolId").GetProperty("Ref").GetString());
        var configurations = delivery.GetProperty("LogConfigurations").EnumerateArray().ToList();
        Assert.Equal(
            [("userAuthEvents", "INFO"), ("userNotification", "ERROR")],
            configurations.Select(c => (c.GetProperty("EventSource").GetString(), c.GetProperty("LogLevel").GetString())).Order());
        Assert.All(configurations, c =>
        {
            var arn = c.GetProperty("CloudWatchLogsConfiguration").GetProperty("LogGroupArn").GetRawText();
            Assert.EndsWith(":log-group:" + name + "\"]]}", arn, StringComparison.Ordinal);
        });
    }

    private string LogicalIdOfPool(string stage) => Assert.Single(TemplateJson.OfType(stages[stage], "AWS::Cognito::UserPool").Keys);
}
