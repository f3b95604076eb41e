using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;
using IdentityStack.Constructs.Encryption;

namespace IdentityStack.Constructs.Monitoring;

/// <summary>
/// Where a stage's alarms go: an SNS topic encrypted with a customer managed KMS key that CloudWatch
/// may use (CloudWatch alarms cannot publish to a topic encrypted with the AWS managed
/// <c>alias/aws/sns</c> key: the notifications are dropped; Amazon SNS developer guide, "Key management",
/// https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services),
/// with email subscriptions and, optionally,
/// an existing topic of the team's. <see cref="NotifyOnEveryAlarm"/> gives every alarm of a scope
/// both an alarm and an OK action, so nobody is left unaware that an alarm fired or recovered.
/// </summary>
public sealed class AlarmNotifications : Construct
{
    private readonly List<SnsAction> _actions = [];

    /// <summary>Creates the key, the topic and its subscriptions.</summary>
    public AlarmNotifications(Construct scope, string id, AlarmNotificationsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Validate(props);
        Key = new Key(this, "Key", new KeyProps
        {
            Description = "Encrypts the alarm topic; CloudWatch may use it to publish alarms",
            EnableKeyRotation = true,
            RemovalPolicy = props.RemovalPolicy,
        });
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Effect = Effect.ALLOW,
            Principals = [new ServicePrincipal("cloudwatch.amazonaws.com")],
            Actions = ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resources = ["*"],
            Conditions = OnBehalfOfThisAccount(),
        }));
        Key.AddToResourcePolicy(KeyPolicyStatements.DenyGrantsExceptForAwsServices());
        Topic = new Topic(this, "Topic", new TopicProps { MasterKey = Key, DisplayName = props.DisplayName });
        // A topic policy replaces SNS's default one, so CloudWatch (this account's alarms only) is allowed explicitly.
        _ = Topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CloudWatchAlarmsOfThisAccount",
            Effect = Effect.ALLOW,
            Principals = [new ServicePrincipal("cloudwatch.amazonaws.com")],
            Actions = ["sns:Publish"],
            Resources = [Topic.TopicArn],
            Conditions = OnBehalfOfThisAccount(),
        }));
        _ = Topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyPlainHttp",
            Effect = Effect.DENY,
            Principals = [new AnyPrincipal()],
            Actions = ["sns:Publish"],
            Resources = [Topic.TopicArn],
            Conditions = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["Bool"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["aws:SecureTransport"] = "false" },
            },
        }));
        foreach (var email in props.Emails)
        {
            Topic.AddSubscription(new EmailSubscription(email));
        }

        _actions.Add(new SnsAction(Topic));
        if (props.ExistingTopicArn is { } arn)
        {
            _actions.Add(new SnsAction(Amazon.CDK.AWS.SNS.Topic.FromTopicArn(this, "ExistingTopic", arn)));
        }
    }

    /// <summary>The condition that limits CloudWatch to acting for this stack's account (no confused deputy).</summary>
    private Dictionary<string, object> OnBehalfOfThisAccount() => new(StringComparer.Ordinal)
    {
        ["StringEquals"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["aws:SourceAccount"] = Stack.Of(this).Account },
    };

    /// <summary>Refuses what SNS would refuse at deploy time (or worse, accept and never deliver), naming each property.</summary>
    private static void Validate(AlarmNotificationsProps props)
    {
        PropsProblem.ThrowIfAny(nameof(AlarmNotificationsProps), props.Problems(), nameof(props));
    }

    /// <summary>The stage's alarm topic.</summary>
    public Topic Topic { get; }

    /// <summary>The key the topic is encrypted with.</summary>
    public Key Key { get; }

    /// <summary>Adds an alarm action and an OK action to every alarm under <paramref name="scope"/>.</summary>
    public void NotifyOnEveryAlarm(IConstruct scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var alarm in scope.Node.FindAll().OfType<Alarm>())
        {
            foreach (var action in _actions)
            {
                alarm.AddAlarmAction(action);
                alarm.AddOkAction(action);
            }
        }
    }
}
