using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using IdentityStack.Constructs.Functions;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs.Backup;

/// <summary>
/// A scheduled export of the user directory, since a Cognito user pool has no backup of its own:
/// every <see cref="UserDirectoryBackupOptions.IntervalHours"/> an EventBridge rule starts a Step
/// Functions loop that invokes the platform binary's export (handler
/// <see cref="OperationsHandlerNames.UserDirectoryExport"/>) until it reports <c>done</c>; each
/// invocation lists what its 15 minutes allow and hands on a cursor, so a pool of millions spans
/// many invocations. Snapshots (gzip JSON Lines and a manifest with SHA-256 per part) go to a
/// bucket of their own: KMS with a key of its own, TLS only, versioned, Object Lock for the
/// retention period, expired after it, retained with its key when the stack goes. Two alarms: an
/// export that failed, and no export completed within the interval (plus two hours).
/// Passwords and MFA secrets are not exportable from Cognito; restored users set a new password.
/// </summary>
public sealed class UserDirectoryBackup : Construct
{
    /// <summary>The one Lambda invocation's limit, which the export plans its steps against.</summary>
    private static readonly Duration StepTimeout = Duration.Minutes(15);

    /// <summary>Creates the bucket, key, function, state machine, schedule and alarms.</summary>
    public UserDirectoryBackup(Construct scope, string id, UserDirectoryBackupProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        PropsProblem.ThrowIfAny(nameof(UserDirectoryBackupProps), props.Problems(), nameof(props));
        // Log delivery through a bucket policy, not the deprecated LogDeliveryWrite ACL, whatever the app's feature flags.
        Node.SetContext("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);
        Key = new Key(this, "Key", new KeyProps
        {
            Description = "Encrypts the user directory's snapshots",
            EnableKeyRotation = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
            PendingWindow = Duration.Days(30),
        });
        Key.AddToResourcePolicy(IdentityStack.Constructs.Encryption.KeyPolicyStatements.DenyGrantsExceptForAwsServices());
        Bucket = CreateBucket(props);
        Function = CreateFunction(props);
        StateMachine = CreateStateMachine(props);
        Schedule = new Rule(this, "Schedule", new RuleProps
        {
            Description = $"Starts the user directory export every {props.IntervalHours} hours",
            Schedule = Amazon.CDK.AWS.Events.Schedule.Rate(Duration.Hours(props.IntervalHours)),
            Targets = [new SfnStateMachine(StateMachine, new SfnStateMachineProps { Input = RuleTargetInput.FromObject(new Dictionary<string, object>(StringComparer.Ordinal)) })],
        });
        (FailedAlarm, StaleAlarm) = CreateAlarms(props);
    }

    /// <summary>The snapshots' key (rotated yearly, retained).</summary>
    public Key Key { get; }

    /// <summary>The snapshots: <c>snapshots/{started, UTC}/manifest.json</c> and its parts.</summary>
    public Bucket Bucket { get; }

    /// <summary>The export function (one step per invocation).</summary>
    public NativeAotFunction Function { get; }

    /// <summary>The loop that runs the steps until the snapshot is complete.</summary>
    public StateMachine StateMachine { get; }

    /// <summary>The rule that starts an export every interval.</summary>
    public Rule Schedule { get; }

    /// <summary>Fires when an export fails, times out or is aborted.</summary>
    public Alarm FailedAlarm { get; }

    /// <summary>Fires when no export has completed for the interval plus two hours.</summary>
    public Alarm StaleAlarm { get; }

    private Bucket CreateBucket(UserDirectoryBackupProps props)
    {
        var retention = Duration.Days(props.RetentionDays);
        var logs = new Bucket(this, "AccessLogs", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            Versioned = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules = [new LifecycleRule { Expiration = Duration.Days(Math.Max(props.RetentionDays, 90)), NoncurrentVersionExpiration = Duration.Days(7) }],
        });
        var bucket = new Bucket(this, "Snapshots", new BucketProps
        {
            Encryption = BucketEncryption.KMS,
            EncryptionKey = Key,
            BucketKeyEnabled = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            Versioned = true,
            // Every version is locked for the retention period: a mistaken script or a stolen
            // credential cannot delete the backups it would want gone.
            ObjectLockEnabled = true,
            ObjectLockDefaultRetention = props.LockMode == BackupLockMode.Compliance ? ObjectLockRetention.Compliance(retention) : ObjectLockRetention.Governance(retention),
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Expiration = Duration.Days(props.RetentionDays + 1),
                    NoncurrentVersionExpiration = Duration.Days(1),
                    AbortIncompleteMultipartUploadAfter = Duration.Days(1),
                },
            ],
            ServerAccessLogsBucket = logs,
            ServerAccessLogsPrefix = "snapshots/",
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        // Object events go to EventBridge, so a team can act when a manifest.json (a complete
        // snapshot) lands. Set on the template itself: CDK's EventBridgeEnabled would add a Node.js
        // custom resource for what CloudFormation does natively.
        ((CfnBucket)bucket.Node.DefaultChild!).AddPropertyOverride("NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled", true);
        return bucket;
    }

    private NativeAotFunction CreateFunction(UserDirectoryBackupProps props)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [BackupEnvironment.UserPoolId] = props.UserPool.UserPoolId,
            [BackupEnvironment.Bucket] = Bucket.BucketName,
            [TriggerEnvironment.DirectoryTable] = props.DirectoryTable.TableName,
            [BackupEnvironment.RequestsPerSecond] = props.RequestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (props.StageName is { } stage)
        {
            environment[BackupEnvironment.Stage] = stage;
        }

        var function = new NativeAotFunction(this, "Export", new NativeAotFunctionProps
        {
            Binary = props.Binary,
            Handler = OperationsHandlerNames.UserDirectoryExport,
            Description = "User directory export: one step of the scheduled snapshot",
            Timeout = StepTimeout,
            MemorySize = 1024,
            Environment = environment,
            LogRetention = props.LogRetention,
            LogRemovalPolicy = props.LogRemovalPolicy,
        });
        function.Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ListThePool",
            Actions = ["cognito-idp:ListUsers", "cognito-idp:ListGroups", "cognito-idp:ListUsersInGroup"],
            Resources = [props.UserPool.UserPoolArn],
        }));
        function.Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ScanTheDirectory",
            Actions = ["dynamodb:Scan"],
            Resources = [props.DirectoryTable.TableArn],
        }));
        // Write snapshots and read back the groups part it wrote; no delete, no listing.
        function.Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteSnapshots",
            Actions = ["s3:PutObject", "s3:GetObject"],
            Resources = [Bucket.ArnForObjects("snapshots/*")],
        }));
        Key.Grant(function.Role, "kms:GenerateDataKey", "kms:Decrypt");
        return function;
    }

    private StateMachine CreateStateMachine(UserDirectoryBackupProps props)
    {
        var step = new LambdaInvoke(this, "ExportStep", new LambdaInvokeProps
        {
            LambdaFunction = Function.Function,
            PayloadResponseOnly = true,
            RetryOnServiceExceptions = true,
            Comment = "Lists what one invocation allows and returns the state to resume from",
        });
        // An invocation that failed (Cognito or S3 refused past the function's own retries, or it
        // ran out of time) is tried again from the same state: it rewrites the same part names.
        step.AddRetry(new RetryProps { Errors = [Errors.TASKS_FAILED, Errors.TIMEOUT], Interval = Duration.Seconds(30), BackoffRate = 2, MaxAttempts = 4 });
        var done = new Succeed(this, "SnapshotComplete");
        var loop = step.Next(new Choice(this, "Done?")
            .When(Condition.BooleanEquals("$.done", true), done)
            .Otherwise(step));
        var logs = new LogGroup(this, "StateMachineLogs", new Amazon.CDK.AWS.Logs.LogGroupProps { Retention = props.LogRetention, RemovalPolicy = props.LogRemovalPolicy });
        return new StateMachine(this, "Loop", new StateMachineProps
        {
            DefinitionBody = DefinitionBody.FromChainable(loop),
            Comment = "Runs the user directory export step by step until the manifest is written",
            // A run must end before the next one starts.
            Timeout = Duration.Hours(props.IntervalHours),
            TracingEnabled = true,
            Logs = new LogOptions { Destination = logs, Level = LogLevel.ALL, IncludeExecutionData = false },
        });
    }

    /// <summary>
    /// The failure alarm counts failed, timed-out and aborted runs. The staleness alarm counts
    /// successful runs per hour and fires when the last interval + 2 hours all had none (missing
    /// data is breaching: no run is the very case). One-hour periods allow a look-back of up to 7
    /// days (CloudWatch PutMetricAlarm: Period x EvaluationPeriods at most 604,800 seconds,
    /// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html),
    /// hence <see cref="UserDirectoryBackupOptions.MaxIntervalHours"/>.
    /// </summary>
    private (Alarm Failed, Alarm Stale) CreateAlarms(UserDirectoryBackupProps props)
    {
        var hour = new MetricOptions { Period = Duration.Hours(1), Statistic = Stats.SUM };
        var failed = new MathExpression(new MathExpressionProps
        {
            Expression = "failed + timedOut + aborted",
            UsingMetrics = new Dictionary<string, IMetric>(StringComparer.Ordinal)
            {
                ["failed"] = StateMachine.MetricFailed(hour),
                ["timedOut"] = StateMachine.MetricTimedOut(hour),
                ["aborted"] = StateMachine.MetricAborted(hour),
            },
            Label = "Exports that did not complete",
            Period = Duration.Hours(1),
        }).CreateAlarm(this, "ExportFailed", new CreateAlarmOptions
        {
            AlarmDescription = "The user directory export failed: see the state machine's failed run and the export function's log (runbook: Backups).",
            Threshold = 1,
            EvaluationPeriods = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        var window = props.IntervalHours + 2;
        var stale = StateMachine.MetricSucceeded(hour).CreateAlarm(this, "SnapshotStale", new CreateAlarmOptions
        {
            AlarmDescription = $"No user directory export has completed for {window} hours (interval {props.IntervalHours} h): the newest snapshot is older than the schedule promises (runbook: Backups).",
            Threshold = 1,
            EvaluationPeriods = window,
            DatapointsToAlarm = window,
            ComparisonOperator = ComparisonOperator.LESS_THAN_THRESHOLD,
            TreatMissingData = TreatMissingData.BREACHING,
        });
        return (failed, stale);
    }
}
