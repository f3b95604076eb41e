using Amazon.CDK.AWS.CloudWatch;
using IdentityStack.Constructs.Monitoring;

namespace IdentityStack.Constructs.Tests;

/// <summary>
/// Alarms reach someone: an SNS topic with a customer managed key that CloudWatch may use (CloudWatch
/// cannot publish to a topic encrypted with the AWS managed alias/aws/sns key, so its notifications
/// would be lost: https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services),
/// a topic policy that lets CloudWatch of this account publish (it replaces SNS's default policy),
/// subscribers from props, and both alarm and OK actions on every alarm.
/// </summary>
public sealed class AlarmNotificationsTests
{
    [Fact]
    public void Every_alarm_gets_alarm_and_ok_actions_to_the_topic_and_the_existing_topic()
    {
        var stack = new Stack(new App(), "Consumer", new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" } });
        _ = Alarm(stack, "First");
        _ = Alarm(stack, "Second");
        var notifications = new AlarmNotifications(stack, "Alarms", new AlarmNotificationsProps
        {
            Emails = ["oncall@example.com", "identity@example.com"],
            ExistingTopicArn = "arn:aws:sns:eu-west-1:123456789012:ops-alerts",
        });

        notifications.NotifyOnEveryAlarm(stack);

        var template = Template.FromStack(stack);
        var topicRef = Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^AlarmsTopic") });
        template.ResourceCountIs("AWS::CloudWatch::Alarm", 2);
        template.AllResourcesProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmActions"] = new object[] { topicRef, "arn:aws:sns:eu-west-1:123456789012:ops-alerts" },
            ["OKActions"] = new object[] { topicRef, "arn:aws:sns:eu-west-1:123456789012:ops-alerts" },
        });
        template.ResourceCountIs("AWS::SNS::Subscription", 2);
        template.HasResourceProperties("AWS::SNS::Subscription", new Dictionary<string, object> { ["Protocol"] = "email", ["Endpoint"] = "oncall@example.com" });
    }

    [Fact]
    public void The_topic_is_encrypted_with_a_rotated_customer_key_cloudwatch_of_this_account_may_use_and_refuses_plain_http()
    {
        var stack = new Stack(new App(), "Consumer", new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" } });
        _ = new AlarmNotifications(stack, "Alarms", new AlarmNotificationsProps());

        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::KMS::Key", new Dictionary<string, object>
        {
            ["EnableKeyRotation"] = true,
            ["KeyPolicy"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Principal"] = new Dictionary<string, object> { ["Service"] = "cloudwatch.amazonaws.com" },
                    ["Action"] = new[] { "kms:Decrypt", "kms:GenerateDataKey*" },
                    ["Condition"] = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = "123456789012" } },
                })]),
            }),
        });
        template.HasResourceProperties("AWS::SNS::Topic", new Dictionary<string, object>
        {
            ["KmsMasterKeyId"] = Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith([Match.StringLikeRegexp("^AlarmsKey")]) }),
        });
        template.HasResourceProperties("AWS::SNS::TopicPolicy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Effect"] = "Allow",
                        ["Principal"] = new Dictionary<string, object> { ["Service"] = "cloudwatch.amazonaws.com" },
                        ["Action"] = "sns:Publish",
                        ["Condition"] = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = "123456789012" } },
                    }),
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Effect"] = "Deny",
                        ["Condition"] = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
                    }),
                ]),
            }),
        });
    }

    [Theory]
    [InlineData(new[] { "not-an-address" }, null, "AlarmNotificationsProps.Emails")]
    [InlineData(new[] { " " }, null, "AlarmNotificationsProps.Emails")]
    [InlineData(new[] { "a@example.com", "A@example.com" }, null, "listed twice")]
    [InlineData(new string[0], "https://sns.example.com/topic", "AlarmNotificationsProps.ExistingTopicArn")]
    [InlineData(new string[0], "arn:aws:sns:eu-west-1:123456789012:alerts.fifo", "FIFO")]
    public void Bad_props_are_refused_naming_the_property(string[] emails, string? topicArn, string mentions)
    {
        var stack = new Stack(new App(), "Consumer");

        var error = Assert.Throws<ArgumentException>(() => new AlarmNotifications(stack, "Alarms", new AlarmNotificationsProps { Emails = emails, ExistingTopicArn = topicArn }));

        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
    }

    private static Alarm Alarm(Stack stack, string id) =>
        new Metric(new MetricProps { Namespace = "AWS/Lambda", MetricName = "Errors" })
            .CreateAlarm(stack, id, new CreateAlarmOptions { Threshold = 1, EvaluationPeriods = 1 });

    [Fact]
    public void A_production_stage_without_any_subscriber_is_refused_and_one_subscriber_of_either_kind_is_enough()
    {
        var error = Assert.Throws<ArgumentException>(() => new AlarmNotifications(new Stack(new App(), "Consumer"), "Alarms", new AlarmNotificationsProps { Production = true }));
        Assert.Contains("AlarmNotificationsProps.Emails = none (and no existing topic)", error.Message, StringComparison.Ordinal);
        Assert.Contains("reach someone", error.Message, StringComparison.Ordinal);

        _ = new AlarmNotifications(new Stack(new App(), "ByEmail"), "Alarms", new AlarmNotificationsProps { Production = true, Emails = ["oncall@example.com"] });
        _ = new AlarmNotifications(new Stack(new App(), "ByTopic"), "Alarms", new AlarmNotificationsProps { Production = true, ExistingTopicArn = "arn:aws:sns:eu-west-1:123456789012:pager" });
        _ = new AlarmNotifications(new Stack(new App(), "NotProduction"), "Alarms", new AlarmNotificationsProps());
    }
}
