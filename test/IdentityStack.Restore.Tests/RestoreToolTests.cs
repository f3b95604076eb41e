using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityStack.Testing;
using IdentityStack.UserDirectory.Export;
using IdentityStack.UserDirectory.Snapshots;
using IdentityStack.UserDirectory.Tests;

namespace IdentityStack.Restore.Tests;

/// <summary>
/// identity-restore as the operator runs it: against a loopback Cognito, DynamoDB, S3 and STS,
/// with a snapshot the real export wrote. It restores what is missing, says what users must do,
/// writes the sub mapping, changes nothing the second time, and refuses a bad snapshot or bad input
/// in one line with exit 2 before writing anything.
/// </summary>
public sealed class RestoreToolTests : IAsyncLifetime, IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("restore-tool-");
    private readonly FakeUserPool _source = new();
    private readonly InMemoryDynamoDbTable _table = new();
    private RecordingDynamoDb? _dynamoDb;
    private FakeSts? _sts;
    private LoopbackS3? _s3;
    private LoopbackUserPool? _target;
    private string _snapshot = string.Empty;
    private string _aliceOldSub = string.Empty;

    public async Task InitializeAsync()
    {
        var alice = _source.Add("alice", "alice@example.com", tenant: "acme");
        _aliceOldSub = alice.Attributes["sub"];
        _source.Add("bob", "bob@example.com");
        _source.AddGroup("admins", 1, "alice");
        var directory = new InMemoryDirectory();
        directory.Put(("pk", "USER#" + _aliceOldSub), ("sub", _aliceOldSub), ("tenantId", "acme"), ("userPoolId", FakeUserPool.PoolId));
        directory.Put(("pk", "TENANT#acme"), ("status", "SUSPENDED"));
        var state = await new UserDirectoryExport(TestPacing.Admin(_source), directory, prefix => new LocalSnapshotStore(Path.Combine(_work.FullName, prefix)), new ExportSettings { UserPoolId = FakeUserPool.PoolId }, TimeProvider.System)
            .ContinueAsync(new ExportState(), DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);
        _snapshot = Path.Combine(_work.FullName, SnapshotFormat.ScheduledPrefix, state.Snapshot!);

        _dynamoDb = new RecordingDynamoDb { Answer = _table.Answer };
        _sts = new FakeSts();
        _s3 = new LoopbackS3();
        _target = new LoopbackUserPool(new FakeUserPool());
    }

    public async Task DisposeAsync()
    {
        await _dynamoDb!.DisposeAsync();
        await _sts!.DisposeAsync();
        await _s3!.DisposeAsync();
        await _target!.DisposeAsync();
    }

    public void Dispose() => _work.Delete(recursive: true);

    private Task<(int ExitCode, string Output, string Error)> RestoreAsync(params string[] args) =>
        OperationsToolProcess.RunAsync(
            "identity-restore",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["AWS_ENDPOINT_URL_DYNAMODB"] = _dynamoDb!.Url,
                ["AWS_ENDPOINT_URL_STS"] = _sts!.Url,
                ["AWS_ENDPOINT_URL_S3"] = _s3!.Url,
                ["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] = _target!.Url,
            },
            args);

    private string[] Args(params string[] more) =>
        ["--stage", "prod", "--snapshot", _snapshot, "--user-pool-id", FakeUserPool.PoolId, "--table", "identity-directory", "--mapping", Path.Combine(_work.FullName, "subs.json"), .. more];

    [Fact]
    public async Task A_restore_recreates_users_groups_and_items_prints_what_users_must_do_and_writes_the_sub_mapping()
    {
        var (exit, output, error) = await RestoreAsync(Args());

        Assert.True(exit == 0, output + error);
        var alice = _target!.Pool.Users["alice"];
        Assert.Equal("acme", alice.Attributes["custom:tenant_id"]);
        Assert.Contains("alice", _target.Pool.Groups["admins"].Members);
        var newSub = alice.Attributes["sub"];
        Assert.Equal("acme", _table.Items["USER#" + newSub]["tenantId"]!["S"]!.GetValue<string>());
        Assert.Equal("SUSPENDED", _table.Items["TENANT#acme"]["status"]!["S"]!.GetValue<string>());
        Assert.Contains("users: 2 created, 0 already there; groups: 1 created; memberships: 1 added; directory items: 2 written", output, StringComparison.Ordinal);
        Assert.Contains("\"Forgot password\"", output, StringComparison.Ordinal);
        var mapping = JsonNode.Parse(File.ReadAllText(Path.Combine(_work.FullName, "subs.json")))!;
        Assert.Equal(newSub, (string?)mapping["subs"]![_aliceOldSub]);
        Assert.Equal(FakeUserPool.PoolId, (string?)mapping["fromPool"]);
        var audit = JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]).RootElement;
        Assert.Equal("restore-users", audit.GetProperty("audit").GetString());
        Assert.Equal("restored", audit.GetProperty("outcome").GetString());
        Assert.Equal(_sts!.Arn, audit.GetProperty("who").GetString());
    }

    [Fact]
    public async Task A_second_restore_changes_nothing_and_says_so()
    {
        Assert.Equal(0, (await RestoreAsync(Args())).ExitCode);
        var calls = _target!.Pool.Calls.Count(c => c.Operation.StartsWith("Admin", StringComparison.Ordinal) || c.Operation.StartsWith("Create", StringComparison.Ordinal));
        var puts = _dynamoDb!.Requests.Count(r => string.Equals(r.Operation, "PutItem", StringComparison.Ordinal));

        var (exit, output, _) = await RestoreAsync(Args());

        Assert.Equal(0, exit);
        Assert.Contains("nothing to change", output, StringComparison.Ordinal);
        Assert.Equal("unchanged", JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]).RootElement.GetProperty("outcome").GetString());
        Assert.Equal(calls, _target.Pool.Calls.Count(c => c.Operation.StartsWith("Admin", StringComparison.Ordinal) || c.Operation.StartsWith("Create", StringComparison.Ordinal)));
        // The second run's PutItems (conditional) are refused by the items already there: nothing is overwritten.
        Assert.Equal(2, _dynamoDb.Requests.Count(r => string.Equals(r.Operation, "PutItem", StringComparison.Ordinal)) - puts);
        Assert.All(_dynamoDb.Requests.Where(r => string.Equals(r.Operation, "PutItem", StringComparison.Ordinal)), r => Assert.Equal("attribute_not_exists(#pk)", r.Body.GetProperty("ConditionExpression").GetString()));
    }

    [Fact]
    public async Task A_dry_run_prints_the_plan_and_writes_nothing()
    {
        var (exit, output, _) = await RestoreAsync(Args("--dry-run"));

        Assert.Equal(0, exit);
        Assert.Contains("would create user alice", output, StringComparison.Ordinal);
        Assert.Contains("would add alice to admins", output, StringComparison.Ordinal);
        Assert.Contains("would write TENANT#acme", output, StringComparison.Ordinal);
        Assert.Empty(_target!.Pool.Users);
        Assert.Empty(_table.Items);
        Assert.False(File.Exists(Path.Combine(_work.FullName, "subs.json")));
    }

    [Fact]
    public async Task A_snapshot_in_s3_is_read_from_the_backup_bucket()
    {
        foreach (var file in Directory.GetFiles(_snapshot))
        {
            _s3!.Objects["identity-backups/snapshots/x/" + Path.GetFileName(file)] = File.ReadAllBytes(file);
        }

        var args = Args();
        args[3] = "s3://identity-backups/snapshots/x/";
        var (exit, output, error) = await RestoreAsync(args);

        Assert.True(exit == 0, output + error);
        Assert.Contains("snapshot s3://identity-backups/snapshots/x/: scheduled", output, StringComparison.Ordinal);
        Assert.True(_target!.Pool.Users.ContainsKey("alice"));
    }

    [Fact]
    public async Task Another_pools_snapshot_is_refused_unless_from_pool_names_it()
    {
        var (exit, output, error) = await RestoreAsync(["--stage", "prod", "--snapshot", _snapshot, "--user-pool-id", "eu-west-1_Other9", "--table", "identity-directory"]);

        Assert.Equal(2, exit);
        Assert.Equal($"identity-restore: snapshot refused: it is of pool {FakeUserPool.PoolId}, and stage prod's pool is eu-west-1_Other9; to restore it into this pool on purpose (a replaced pool), add --from-pool {FakeUserPool.PoolId}.", error.Trim());
        Assert.Empty(output);
        Assert.Empty(_target!.Pool.Calls);
        Assert.DoesNotContain(_dynamoDb!.Requests, r => string.Equals(r.Operation, "PutItem", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_part_is_refused_by_its_digest_before_anything_is_written()
    {
        var part = Directory.GetFiles(_snapshot, "users-*.jsonl.gz").Single();
        var bytes = File.ReadAllBytes(part);
        bytes[^3] ^= 0x40;
        File.WriteAllBytes(part, bytes);

        var (exit, _, error) = await RestoreAsync(Args());

        Assert.Equal(2, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("users-00001.jsonl.gz: its SHA-256 is not the manifest's", error, StringComparison.Ordinal);
        Assert.Empty(_target!.Pool.Calls);
        Assert.Empty(_table.Items);
    }

    [Fact]
    public async Task A_manifest_of_another_format_version_is_refused()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(_snapshot, SnapshotFormat.ManifestName)))!;
        manifest["formatVersion"] = 2;
        File.WriteAllText(Path.Combine(_snapshot, SnapshotFormat.ManifestName), manifest.ToJsonString());

        var (exit, _, error) = await RestoreAsync(Args());

        Assert.Equal(2, exit);
        Assert.Contains("is format version 2; this tool reads version 1", error, StringComparison.Ordinal);
        Assert.Empty(_target!.Pool.Calls);
    }

    public static TheoryData<string[], string> BadArguments => new()
    {
        { [], "give the stage to restore into" },
        { ["--stage", "../prod", "--snapshot", "x"], "give the stage to restore into" },
        { ["--stage", "prod"], "give the snapshot" },
        { ["--stage", "prod", "--snapshot", ""], "give the snapshot" },
        { ["--stage", "prod", "--snapshot", "s3://Bucket/x/"], "give the snapshot" },
        { ["--stage", "prod", "--snapshot", "s3://bucket"], "give the snapshot" },
        { ["--stage", "prod", "--stage", "dev", "--snapshot", "x"], "--stage is given twice" },
        { ["--stage", "prod", "--snapshot", "x", "--dry-run", "--dry-run"], "unknown option, repeated flag or missing value '--dry-run'" },
        { ["--stage", "prod", "--snapshot", "x", "--force"], "unknown option, repeated flag or missing value '--force'" },
        { ["--stage", "prod", "--snapshot"], "unknown option, repeated flag or missing value '--snapshot'" },
        { ["--stage", "prod", "--snapshot", "x", "--user-pool-id", "eu-west-1_Ab1"], "--user-pool-id and --table go together" },
        { ["--stage", "prod", "--snapshot", "x", "--user-pool-id", "not a pool", "--table", "t-1"], "--user-pool-id and --table go together" },
        { ["--stage", "prod", "--snapshot", "x", "--user-pool-id", "local_Ab1", "--table", "t-1"], "--region: give the region code" },
        { ["--stage", "prod", "--snapshot", "x", "--region", "eu-west-1"], "--region goes with --user-pool-id" },
        { ["--stage", "prod", "--snapshot", "x", "--from-pool", "{{resolve:ssm:/pool}}", "--user-pool-id", "eu-west-1_Ab1", "--table", "t-1"], "--from-pool \"{{resolve:ssm:/pool}}\"" },
        { ["--stage", "prod", "--snapshot", "x", "--outputs", "/nonexistent/cdk-outputs.json"], "/nonexistent/cdk-outputs.json not found" },
        { ["--stage", "prod", "--snapshot", "x", "--evil\u0007\u001b[2J"], "'--evil??[2J'" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Bad_arguments_are_refused_in_one_line_with_exit_2(string[] args, string expected)
    {
        var (exit, output, error) = await RestoreAsync(args);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Empty(_target!.Pool.Calls);
    }
}
