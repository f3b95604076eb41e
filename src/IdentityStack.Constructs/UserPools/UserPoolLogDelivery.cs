using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.Logs;
using Constructs;
using IdentityStack.Constructs.Encryption;

namespace IdentityStack.Constructs.UserPools;

/// <summary>
/// The user pool's own logs to CloudWatch: errors delivering messages (email, SMS) to users, and,
/// where the tier allows it (Plus), user authentication events. The log group is under
/// <c>/aws/vendedlogs/</c> (so its resource policy cannot outgrow 5120 characters) and unencrypted by
/// KMS, both as Cognito requires (CloudFormation reference, AWS::Cognito::LogDeliveryConfiguration
/// CloudWatchLogsConfiguration), with the stage's retention.
/// </summary>
public sealed class UserPoolLogDelivery : Construct, IUnencryptedLogDestination
{
    /// <inheritdoc/>
    public string WhyUnencrypted =>
        "Cognito delivers user pool logs only to a log group that is not encrypted with AWS KMS (CloudFormation reference, AWS::Cognito::LogDeliveryConfiguration CloudWatchLogsConfiguration, LogGroupArn: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cognito-logdeliveryconfiguration-cloudwatchlogsconfiguration.html).";

    /// <summary>The log group Cognito writes to.</summary>
    public LogGroup LogGroup { get; }

    /// <summary>Creates the log group and the delivery configuration for <paramref name="pool"/>.</summary>
    public UserPoolLogDelivery(Construct scope, string id, SecureUserPool pool, RetentionDays retention, RemovalPolicy removalPolicy)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var stack = Stack.Of(this);
        var name = "/aws/vendedlogs/cognito/" + stack.StackName + "/" + Node.Id;
        LogGroup = new LogGroup(this, "Logs", new LogGroupProps { LogGroupName = name, Retention = retention, RemovalPolicy = removalPolicy });
        // Cognito takes the log group's ARN without the ":*" suffix that LogGroup.LogGroupArn carries.
        var arn = stack.FormatArn(new ArnComponents { Service = "logs", Resource = "log-group", ResourceName = name, ArnFormat = ArnFormat.COLON_RESOURCE_NAME });
        var destination = new CfnLogDeliveryConfiguration.CloudWatchLogsConfigurationProperty { LogGroupArn = arn };
        var configurations = new List<object>
        {
            new CfnLogDeliveryConfiguration.LogConfigurationProperty { EventSource = "userNotification", LogLevel = "ERROR", CloudWatchLogsConfiguration = destination },
        };
        if (pool.Tier == CognitoTier.Plus)
        {
            configurations.Add(new CfnLogDeliveryConfiguration.LogConfigurationProperty { EventSource = "userAuthEvents", LogLevel = "INFO", CloudWatchLogsConfiguration = destination });
        }

        var delivery = new CfnLogDeliveryConfiguration(this, "Delivery", new CfnLogDeliveryConfigurationProps
        {
            UserPoolId = pool.UserPool.UserPoolId,
            LogConfigurations = configurations.ToArray(),
        });
        delivery.Node.AddDependency(LogGroup);
    }
}
