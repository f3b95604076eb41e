using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using IdentityStack.Constructs.Encryption;
using IdentityStack.Constructs.Monitoring;

namespace IdentityStack.Constructs.Tests;

/// <summary>
/// Log groups under a customer managed key that only CloudWatch Logs of this account may use
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html), and keys
/// that refuse grants to anyone but AWS services (AWS Control Tower CT.KMS.PR.3).
/// </summary>
public sealed class LogEncryptionTests
{
    private static Stack NewStack() =>
        new(new App(), "Consumer", new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" } });

    [Fact]
    public void Every_log_group_without_a_key_gets_the_log_key_and_one_with_its_own_key_keeps_it()
    {
        var stack = NewStack();
        _ = new LogGroup(stack, "First");
        _ = new LogGroup(stack, "Second");
        var ownKey = new Key(stack, "OwnKey");
        _ = new LogGroup(stack, "OwnKeyLogs", new LogGroupProps { EncryptionKey = ownKey });

        new LogEncryption(stack, "LogEncryption", RemovalPolicy.RETAIN).EncryptEveryLogGroup(stack);

        var template = Template.FromStack(stack);
        var keyIds = template.FindResources("AWS::KMS::Key").Keys.ToList();
        var logKey = Assert.Single(keyIds, id => id.StartsWith("LogEncryptionKey", StringComparison.Ordinal));
        var groups = template.FindResources("AWS::Logs::LogGroup");
        Assert.Equal(3, groups.Count);
        string KeyOf(string prefix) => GetAttTarget(groups.Single(g => g.Key.StartsWith(prefix, StringComparison.Ordinal)).Value);
        Assert.Equal(logKey, KeyOf("First"));
        Assert.Equal(logKey, KeyOf("Second"));
        Assert.StartsWith("OwnKey", KeyOf("OwnKeyLogs"), StringComparison.Ordinal);
    }

    /// <summary>
    /// Cognito delivers user pool logs only to a log group that is not KMS-encrypted
    /// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cognito-logdeliveryconfiguration-cloudwatchlogsconfiguration.html),
    /// so encrypting a stack's logs leaves that one alone.
    /// </summary>
    [Fact]
    public void The_user_pool_log_delivery_group_stays_unencrypted_because_Cognito_refuses_encrypted_ones()
    {
        var stack = NewStack();
        var pool = new SecureUserPool(stack, "Identity", new SecureUserPoolProps { UserPoolName = "identity-test" });
        var delivery = new UserPoolLogDelivery(stack, "UserPoolLogs", pool, RetentionDays.ONE_MONTH, RemovalPolicy.DESTROY);
        _ = new LogGroup(stack, "Other");

        new LogEncryption(stack, "LogEncryption", RemovalPolicy.RETAIN).EncryptEveryLogGroup(stack);

        var groups = Template.FromStack(stack).FindResources("AWS::Logs::LogGroup");
        var cognito = (IDictionary<string, object>)groups.Single(g => g.Key.StartsWith("UserPoolLogs", StringComparison.Ordinal)).Value["Properties"];
        Assert.False(cognito.ContainsKey("KmsKeyId"));
        Assert.StartsWith("LogEncryptionKey", GetAttTarget(groups.Single(g => g.Key.StartsWith("Other", StringComparison.Ordinal)).Value), StringComparison.Ordinal);
        Assert.Contains("aws-properties-cognito-logdeliveryconfiguration-cloudwatchlogsconfiguration", ((IUnencryptedLogDestination)delivery).WhyUnencrypted, StringComparison.Ordinal);
    }

    [Fact]
    public void The_log_key_rotates_is_for_CloudWatch_Logs_of_this_account_and_region_only_and_denies_foreign_grants()
    {
        var stack = NewStack();
        _ = new LogEncryption(stack, "LogEncryption", RemovalPolicy.DESTROY);

        var template = Template.FromStack(stack);
        template.HasResource("AWS::KMS::Key", new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["EnableKeyRotation"] = true,
                ["KeyPolicy"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Statement"] = Match.ArrayWith(new object[]
                    {
                        Match.ObjectLike(new Dictionary<string, object>
                        {
                            ["Effect"] = "Allow",
                            ["Principal"] = new Dictionary<string, object> { ["Service"] = "logs.eu-west-1.amazonaws.com" },
                            ["Condition"] = new Dictionary<string, object>
                            {
                                ["ArnLike"] = new Dictionary<string, object>
                                {
                                    ["kms:EncryptionContext:aws:logs:arn"] = Match.ObjectLike(new Dictionary<string, object>
                                    {
                                        ["Fn::Join"] = new object[] { "", new object[] { "arn:", new Dictionary<string, object> { ["Ref"] = "AWS::Partition" }, ":logs:eu-west-1:123456789012:log-group:*" } },
                                    }),
                                },
                            },
                        }),
                        DenyGrantsStatement(),
                    }),
                }),
            }),
            ["DeletionPolicy"] = "Delete",
        });
    }

    [Fact]
    public void The_alarm_topic_key_denies_grants_except_for_AWS_services_too()
    {
        var stack = NewStack();
        _ = new AlarmNotifications(stack, "Alarms", new AlarmNotificationsProps());

        Template.FromStack(stack).HasResourceProperties("AWS::KMS::Key", new Dictionary<string, object>
        {
            ["KeyPolicy"] = Match.ObjectLike(new Dictionary<string, object> { ["Statement"] = Match.ArrayWith(new object[] { DenyGrantsStatement() }) }),
        });
    }

    [Fact]
    public void Encrypting_a_scope_without_log_groups_changes_nothing_and_a_null_scope_is_refused()
    {
        var stack = NewStack();
        var encryption = new LogEncryption(stack, "LogEncryption", RemovalPolicy.RETAIN);

        encryption.EncryptEveryLogGroup(stack);

        Template.FromStack(stack).ResourceCountIs("AWS::Logs::LogGroup", 0);
        _ = Assert.Throws<ArgumentNullException>(() => encryption.EncryptEveryLogGroup(null!));
    }

    /// <summary>The statement CT.KMS.PR.3 requires: deny kms:CreateGrant unless for an AWS resource or by an AWS service.</summary>
    private static Matcher DenyGrantsStatement() => Match.ObjectLike(new Dictionary<string, object>
    {
        ["Effect"] = "Deny",
        ["Action"] = "kms:CreateGrant",
        ["Principal"] = new Dictionary<string, object> { ["AWS"] = "*" },
        ["Resource"] = "*",
        ["Condition"] = new Dictionary<string, object>
        {
            ["BoolIfExists"] = new Dictionary<string, object> { ["kms:GrantIsForAWSResource"] = "false", ["aws:PrincipalIsAWSService"] = "false" },
        },
    });

    private static string GetAttTarget(IDictionary<string, object> resource)
    {
        var properties = (IDictionary<string, object>)resource["Properties"];
        var getAtt = (IDictionary<string, object>)properties["KmsKeyId"];
        return (string)((object[])getAtt["Fn::GetAtt"])[0];
    }
}
