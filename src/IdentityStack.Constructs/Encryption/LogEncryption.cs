using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace IdentityStack.Constructs.Encryption;

/// <summary>
/// A customer managed key for a stack's CloudWatch log groups: trigger logs, API access logs and the
/// user pool's authentication events name users, IP addresses and devices, so who may read them is
/// decided by a key policy the team controls, not only by CloudWatch Logs' service-owned keys. The
/// key lets only CloudWatch Logs of this account and region use it, for log groups of this account
/// (CloudWatch Logs user guide, "Encrypt log data in CloudWatch Logs using AWS KMS",
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html).
/// <see cref="EncryptEveryLogGroup"/> then puts every log group of a scope under the key.
/// The user pool's own log delivery stays unencrypted: Cognito refuses KMS-encrypted log groups
/// (<see cref="IUnencryptedLogDestination"/>).
/// </summary>
public sealed class LogEncryption : Construct
{
    /// <summary>Creates the key.</summary>
    /// <param name="scope">Parent construct.</param>
    /// <param name="id">Construct id.</param>
    /// <param name="removalPolicy">What happens to the key when the stack goes; RETAIN keeps retained log groups readable.</param>
    public LogEncryption(Construct scope, string id, RemovalPolicy removalPolicy)
        : base(scope, id)
    {
        var stack = Stack.Of(this);
        Key = new Key(this, "Key", new KeyProps
        {
            Description = "Encrypts the stack's CloudWatch log groups",
            EnableKeyRotation = true,
            RemovalPolicy = removalPolicy,
            PendingWindow = Duration.Days(30),
        });
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CloudWatchLogsOfThisAccount",
            Effect = Effect.ALLOW,
            Principals = [new ServicePrincipal($"logs.{stack.Region}.amazonaws.com")],
            Actions = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["ArnLike"] = new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["kms:EncryptionContext:aws:logs:arn"] = $"arn:{stack.Partition}:logs:{stack.Region}:{stack.Account}:log-group:*",
                },
            },
        }));
        Key.AddToResourcePolicy(KeyPolicyStatements.DenyGrantsExceptForAwsServices());
    }

    /// <summary>The key the log groups are encrypted with.</summary>
    public Key Key { get; }

    /// <summary>
    /// Encrypts every log group under <paramref name="scope"/> that has no key of its own with
    /// <see cref="Key"/>, except those under an <see cref="IUnencryptedLogDestination"/> (a service
    /// that refuses encrypted log groups). Call it after the last log group is created.
    /// </summary>
    public void EncryptEveryLogGroup(IConstruct scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var encryptable = scope.Node.FindAll().OfType<CfnLogGroup>()
            .Where(g => g.KmsKeyId is null && !g.Node.Scopes.Any(s => s is IUnencryptedLogDestination));
        foreach (var logGroup in encryptable)
        {
            logGroup.KmsKeyId = Key.KeyArn;
        }
    }
}
