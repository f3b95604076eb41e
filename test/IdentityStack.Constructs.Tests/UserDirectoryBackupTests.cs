using System.Text.Json;
using Amazon.CDK.AWS.DynamoDB;
using IdentityStack.Constructs.Backup;
using IdentityStack.Constructs.Triggers;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs.Tests;

/// <summary>
/// The scheduled export of the user directory as a consuming team gets it: a locked, encrypted,
/// retained bucket; a function that may list this pool, scan this table and write snapshots only;
/// a Step Functions loop on a schedule; alarms for a failed and a stale export; refusals by name.
/// </summary>
public sealed class UserDirectoryBackupTests
{
    private static (Stack Stack, JsonElement Resources, UserDirectoryBackup Backup) Synthesize(UserDirectoryBackupOptions? options = null)
    {
        var stack = new Stack(new App(), "Consumer", new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" } });
        var pool = new SecureUserPool(stack, "Users", new SecureUserPoolProps { UserPoolName = "users" });
        var binary = new NativeAotBinary(Code.FromBucket(Amazon.CDK.AWS.S3.Bucket.FromBucketName(stack, "Artifacts", "artifacts"), "bootstrap.zip"), Architecture.ARM_64);
        var triggers = new CognitoTriggers(stack, "Triggers", new CognitoTriggersProps { UserPool = pool, Binary = binary });
        var backup = new UserDirectoryBackup(stack, "Backup", new UserDirectoryBackupProps(options ?? new UserDirectoryBackupOptions())
        {
            UserPool = pool.UserPool,
            DirectoryTable = triggers.DirectoryTable,
            Binary = binary,
            StageName = "prod",
        });
        var template = JsonSerializer.SerializeToElement(Template.FromStack(stack).ToJSON());
        return (stack, template.GetProperty("Resources"), backup);
    }

    private static JsonElement Single(JsonElement resources, string type, string idPrefix) =>
        resources.EnumerateObject().Single(r => string.Equals(r.Value.GetProperty("Type").GetString(), type, StringComparison.Ordinal) && r.Name.StartsWith(idPrefix, StringComparison.Ordinal)).Value;

    [Fact]
    public void Snapshots_are_kms_encrypted_with_their_own_key_locked_for_the_retention_expired_after_it_and_kept_when_the_stack_goes()
    {
        var (_, resources, _) = Synthesize(new UserDirectoryBackupOptions { RetentionDays = 90 });

        var bucket = Single(resources, "AWS::S3::Bucket", "BackupSnapshots");
        var properties = bucket.GetProperty("Properties");
        Assert.Equal("Retain", bucket.GetProperty("DeletionPolicy").GetString());
        Assert.Equal("Retain", bucket.GetProperty("UpdateReplacePolicy").GetString());
        var encryption = properties.GetProperty("BucketEncryption").GetProperty("ServerSideEncryptionConfiguration")[0];
        Assert.Equal("aws:kms", encryption.GetProperty("ServerSideEncryptionByDefault").GetProperty("SSEAlgorithm").GetString());
        Assert.StartsWith("BackupKey", encryption.GetProperty("ServerSideEncryptionByDefault").GetProperty("KMSMasterKeyID").GetProperty("Fn::GetAtt")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Enabled", properties.GetProperty("VersioningConfiguration").GetProperty("Status").GetString());
        Assert.True(properties.GetProperty("ObjectLockEnabled").GetBoolean());
        var retention = properties.GetProperty("ObjectLockConfiguration").GetProperty("Rule").GetProperty("DefaultRetention");
        Assert.Equal("COMPLIANCE", retention.GetProperty("Mode").GetString());
        Assert.Equal(90, retention.GetProperty("Days").GetInt32());
        var lifecycle = properties.GetProperty("LifecycleConfiguration").GetProperty("Rules")[0];
        Assert.Equal(91, lifecycle.GetProperty("ExpirationInDays").GetInt32());
        var block = properties.GetProperty("PublicAccessBlockConfiguration");
        Assert.All(new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" }, p => Assert.True(block.GetProperty(p).GetBoolean()));
        Assert.True(properties.GetProperty("NotificationConfiguration").GetProperty("EventBridgeConfiguration").GetProperty("EventBridgeEnabled").GetBoolean());
        var key = Single(resources, "AWS::KMS::Key", "BackupKey");
        Assert.True(key.GetProperty("Properties").GetProperty("EnableKeyRotation").GetBoolean());
        Assert.Equal("Retain", key.GetProperty("DeletionPolicy").GetString());
        // TLS only: the bucket policy denies any request without it.
        var policy = Single(resources, "AWS::S3::BucketPolicy", "BackupSnapshotsPolicy").GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray();
        Assert.Contains(policy, s => string.Equals(s.GetProperty("Effect").GetString(), "Deny", StringComparison.Ordinal)
            && string.Equals(s.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString(), "false", StringComparison.Ordinal));
    }

    [Fact]
    public void Governance_mode_is_taken_when_asked_for()
    {
        var (_, resources, _) = Synthesize(new UserDirectoryBackupOptions { LockMode = BackupLockMode.Governance, RetentionDays = 7 });

        var retention = Single(resources, "AWS::S3::Bucket", "BackupSnapshots").GetProperty("Properties").GetProperty("ObjectLockConfiguration").GetProperty("Rule").GetProperty("DefaultRetention");
        Assert.Equal("GOVERNANCE", retention.GetProperty("Mode").GetString());
        Assert.Equal(7, retention.GetProperty("Days").GetInt32());
    }

    [Fact]
    public void The_export_function_may_list_this_pool_scan_this_table_and_write_snapshots_and_nothing_else()
    {
        var (_, resources, _) = Synthesize();

        var function = Single(resources, "AWS::Lambda::Function", "BackupExport").GetProperty("Properties");
        Assert.Equal(OperationsHandlerNames.UserDirectoryExport, function.GetProperty("Handler").GetString());
        Assert.Equal(900, function.GetProperty("Timeout").GetInt32());
        var environment = function.GetProperty("Environment").GetProperty("Variables");
        Assert.StartsWith("Users", environment.GetProperty(BackupEnvironment.UserPoolId).GetProperty("Ref").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("BackupSnapshots", environment.GetProperty(BackupEnvironment.Bucket).GetProperty("Ref").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("TriggersDirectoryTable", environment.GetProperty(TriggerEnvironment.DirectoryTable).GetProperty("Ref").GetString(), StringComparison.Ordinal);
        Assert.Equal("10", environment.GetProperty(BackupEnvironment.RequestsPerSecond).GetString());
        Assert.Equal("prod", environment.GetProperty(BackupEnvironment.Stage).GetString());

        var statements = Single(resources, "AWS::IAM::Policy", "BackupExportRoleDefaultPolicy").GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray().ToList();
        var grants = statements.ToDictionary(s => string.Join(",", Actions(s)), s => s.GetProperty("Resource").GetRawText(), StringComparer.Ordinal);
        Assert.Equal(
            ["cognito-idp:ListGroups,cognito-idp:ListUsers,cognito-idp:ListUsersInGroup", "dynamodb:Scan", "kms:Decrypt,kms:GenerateDataKey", "s3:GetObject,s3:PutObject", "xray:PutTelemetryRecords,xray:PutTraceSegments"],
            grants.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("UsersUserPool", grants["cognito-idp:ListGroups,cognito-idp:ListUsers,cognito-idp:ListUsersInGroup"], StringComparison.Ordinal);
        Assert.Contains("TriggersDirectoryTable", grants["dynamodb:Scan"], StringComparison.Ordinal);
        Assert.Contains("/snapshots/*", grants["s3:GetObject,s3:PutObject"], StringComparison.Ordinal);
        Assert.Contains("BackupKey", grants["kms:Decrypt,kms:GenerateDataKey"], StringComparison.Ordinal);
        Assert.All(statements, s => Assert.Equal("Allow", s.GetProperty("Effect").GetString()));
    }

    [Fact]
    public void A_schedule_starts_a_loop_that_invokes_the_export_until_it_says_done()
    {
        var (_, resources, _) = Synthesize(new UserDirectoryBackupOptions { IntervalHours = 12 });

        var rule = Single(resources, "AWS::Events::Rule", "BackupSchedule").GetProperty("Properties");
        Assert.Equal("rate(12 hours)", rule.GetProperty("ScheduleExpression").GetString());
        Assert.Equal("{}", rule.GetProperty("Targets")[0].GetProperty("Input").GetString());
        Assert.StartsWith("BackupLoop", rule.GetProperty("Targets")[0].GetProperty("Arn").GetProperty("Ref").GetString(), StringComparison.Ordinal);

        var machine = Single(resources, "AWS::StepFunctions::StateMachine", "BackupLoop").GetProperty("Properties");
        Assert.True(machine.GetProperty("TracingConfiguration").GetProperty("Enabled").GetBoolean());
        Assert.Equal("ALL", machine.GetProperty("LoggingConfiguration").GetProperty("Level").GetString());
        var definition = JsonDocument.Parse(string.Concat(machine.GetProperty("DefinitionString").GetProperty("Fn::Join")[1].EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String ? p.GetString() : "ARN"))).RootElement;
        Assert.Equal(12 * 3600, definition.GetProperty("TimeoutSeconds").GetInt32());
        var states = definition.GetProperty("States");
        var step = states.GetProperty("ExportStep");
        Assert.Equal("Done?", step.GetProperty("Next").GetString());
        Assert.Contains(step.GetProperty("Retry").EnumerateArray(), r => r.GetProperty("ErrorEquals").EnumerateArray().Any(e => string.Equals(e.GetString(), "States.TaskFailed", StringComparison.Ordinal)));
        var choice = states.GetProperty("Done?");
        Assert.Equal("$.done", choice.GetProperty("Choices")[0].GetProperty("Variable").GetString());
        Assert.True(choice.GetProperty("Choices")[0].GetProperty("BooleanEquals").GetBoolean());
        Assert.Equal("SnapshotComplete", choice.GetProperty("Choices")[0].GetProperty("Next").GetString());
        Assert.Equal("ExportStep", choice.GetProperty("Default").GetString());
    }

    [Fact]
    public void A_failed_export_and_an_export_older_than_the_interval_each_raise_an_alarm()
    {
        var (_, resources, backup) = Synthesize(new UserDirectoryBackupOptions { IntervalHours = 24 });

        var stale = Single(resources, "AWS::CloudWatch::Alarm", "BackupSnapshotStale").GetProperty("Properties");
        Assert.Equal("ExecutionsSucceeded", stale.GetProperty("MetricName").GetString());
        Assert.Equal(3600, stale.GetProperty("Period").GetInt32());
        Assert.Equal(26, stale.GetProperty("EvaluationPeriods").GetInt32());
        Assert.Equal(26, stale.GetProperty("DatapointsToAlarm").GetInt32());
        Assert.Equal("LessThanThreshold", stale.GetProperty("ComparisonOperator").GetString());
        Assert.Equal("breaching", stale.GetProperty("TreatMissingData").GetString());
        var failed = Single(resources, "AWS::CloudWatch::Alarm", "BackupExportFailed").GetProperty("Properties");
        var metrics = failed.GetProperty("Metrics").EnumerateArray().Where(m => m.TryGetProperty("MetricStat", out _)).Select(m => m.GetProperty("MetricStat").GetProperty("Metric").GetProperty("MetricName").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["ExecutionsAborted", "ExecutionsFailed", "ExecutionsTimedOut"], metrics);
        Assert.Equal("GreaterThanOrEqualToThreshold", failed.GetProperty("ComparisonOperator").GetString());
        Assert.NotNull(backup.FailedAlarm);
    }

    [Theory]
    [InlineData(0, 35, 10, "UserDirectoryBackupProps.IntervalHours = 0: use whole hours from 1 to 144")]
    [InlineData(145, 35, 10, "UserDirectoryBackupProps.IntervalHours = 145")]
    [InlineData(24, 0, 10, "UserDirectoryBackupProps.RetentionDays = 0: use days from 1 to 3650")]
    [InlineData(72, 2, 10, "UserDirectoryBackupProps.RetentionDays = 2: keep snapshots at least one interval (72 hours)")]
    [InlineData(24, 35, 0, "UserDirectoryBackupProps.RequestsPerSecond = 0")]
    [InlineData(24, 35, 500, "UserDirectoryBackupProps.RequestsPerSecond = 500")]
    [InlineData(24, 35, double.NaN, "UserDirectoryBackupProps.RequestsPerSecond = NaN")]
    public void Settings_out_of_range_are_refused_naming_the_property(int interval, int retention, double rate, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => Synthesize(new UserDirectoryBackupOptions { IntervalHours = interval, RetentionDays = retention, RequestsPerSecond = rate }));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_wiring_is_refused_naming_each_property()
    {
        var stack = new Stack(new App(), "Consumer");
        var error = Assert.Throws<ArgumentException>(() => new UserDirectoryBackup(stack, "Backup", new UserDirectoryBackupProps(new UserDirectoryBackupOptions())));
        Assert.Contains("UserDirectoryBackupProps.UserPool = null", error.Message, StringComparison.Ordinal);
        Assert.Contains("UserDirectoryBackupProps.DirectoryTable = null", error.Message, StringComparison.Ordinal);
        Assert.Contains("UserDirectoryBackupProps.Binary = null", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Actions(JsonElement statement) =>
        (statement.GetProperty("Action").ValueKind == JsonValueKind.Array ? statement.GetProperty("Action").EnumerateArray().Select(a => a.GetString()!) : [statement.GetProperty("Action").GetString()!]).Order(StringComparer.Ordinal);
}
