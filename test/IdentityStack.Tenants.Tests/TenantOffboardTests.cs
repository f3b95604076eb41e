using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityStack.Testing;
using IdentityStack.Triggers.Contract;
using IdentityStack.UserDirectory.Snapshots;
using IdentityStack.UserDirectory.Tests;

namespace IdentityStack.Tenants.Tests;

/// <summary>
/// identity-tenant offboard, the real program, against a loopback Cognito pool, the in-memory
/// directory table and STS: it exports the tenant's users in the backup's format first, asks (the
/// tenant id typed back, unless --yes), then disables only that tenant's users and suspends it.
/// </summary>
public sealed class TenantOffboardTests : IAsyncLifetime, IDisposable
{
    private const string Table = "identity-directory";
    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("offboard-");
    private readonly InMemoryDynamoDbTable _table = new();
    private readonly FakeUserPool _pool = new();
    private RecordingDynamoDb _dynamoDb = null!;
    private FakeSts _sts = null!;
    private LoopbackUserPool _cognito = null!;

    public Task InitializeAsync()
    {
        foreach (var (username, tenant) in new[] { ("alice", "acme-01"), ("bob", "acme-01"), ("carol", "globex") })
        {
            var sub = _pool.Add(username, $"{username}@example.com", tenant: tenant).Attributes["sub"];
            _table.Items["USER#" + sub] = new JsonObject
            {
                ["pk"] = new JsonObject { ["S"] = "USER#" + sub },
                ["sub"] = new JsonObject { ["S"] = sub },
                [DirectoryKeys.TenantAttribute] = new JsonObject { ["S"] = tenant },
            };
        }

        _pool.AddGroup("members", 5, "alice", "bob", "carol");
        _pool.AddGroup("admins", 1, "alice");
        _dynamoDb = new RecordingDynamoDb { Answer = _table.Answer };
        _sts = new FakeSts();
        _cognito = new LoopbackUserPool(_pool);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _dynamoDb.DisposeAsync();
        await _sts.DisposeAsync();
        await _cognito.DisposeAsync();
    }

    public void Dispose() => _out.Delete(recursive: true);

    private Task<(int ExitCode, string Output, string Error)> OffboardAsync(string? input, params string[] more) =>
        OperationsToolProcess.RunAsync(
            "identity-tenant",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["AWS_ENDPOINT_URL_DYNAMODB"] = _dynamoDb.Url,
                ["AWS_ENDPOINT_URL_STS"] = _sts.Url,
                ["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] = _cognito.Url,
            },
            ["offboard", "acme-01", "--stage", "prod", "--table", Table, "--region", "eu-west-1", "--user-pool-id", FakeUserPool.PoolId, "--out", _out.FullName, .. more],
            input);

    private string? Status(string tenant) =>
        _table.Items.TryGetValue(DirectoryKeys.TenantPrefix + tenant, out var item) ? item[DirectoryKeys.TenantStatusAttribute]?["S"]?.GetValue<string>() : null;

    [Fact]
    public async Task Offboard_exports_the_tenants_users_in_the_backup_format_then_disables_only_them_and_suspends_the_tenant()
    {
        var (exit, output, error) = await OffboardAsync(null, "--yes");

        Assert.True(exit == 0, output + error);
        Assert.False(_pool.Users["alice"].Enabled);
        Assert.False(_pool.Users["bob"].Enabled);
        Assert.True(_pool.Users["carol"].Enabled);
        Assert.Equal(DirectoryKeys.TenantSuspended, Status("acme-01"));

        var snapshot = await SnapshotReader.ReadAsync(new LocalSnapshotStore(Assert.Single(_out.GetDirectories()).FullName), CancellationToken.None);
        Assert.Equal(SnapshotFormat.OffboardKind, snapshot.Manifest.Kind);
        Assert.Equal("acme-01", snapshot.Manifest.Tenant);
        Assert.Equal(FakeUserPool.PoolId, snapshot.Manifest.UserPoolId);
        Assert.Equal(["alice", "bob"], snapshot.Users.Select(u => u.Username).Order(StringComparer.Ordinal));
        Assert.All(snapshot.Users, u => Assert.True(u.Enabled));
        Assert.Equal([("admins", "alice"), ("members", "alice"), ("members", "bob")], snapshot.Memberships.Select(m => (m.Group, m.Username)).Order());
        Assert.Equal(["admins", "members"], snapshot.Groups.Select(g => g.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, snapshot.DirectoryItems.Count(i => i.Key!.StartsWith("USER#", StringComparison.Ordinal)));
        var audit = JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]).RootElement;
        Assert.Equal("offboard", audit.GetProperty("action").GetString());
        Assert.Equal("offboarded 2 users", audit.GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("yes\n")]
    [InlineData("ACME-01\n")]
    [InlineData("globex\n")]
    public async Task Without_the_tenant_id_typed_back_nothing_is_disabled_and_the_export_stays(string answer)
    {
        var (exit, output, _) = await OffboardAsync(answer);

        Assert.Equal(1, exit);
        Assert.Contains("Type the tenant id to confirm", output, StringComparison.Ordinal);
        Assert.Contains("not confirmed: nothing disabled", output, StringComparison.Ordinal);
        Assert.All(_pool.Users.Values, u => Assert.True(u.Enabled));
        Assert.Null(Status("acme-01"));
        Assert.Single(_out.GetDirectories());
    }

    [Fact]
    public async Task The_tenant_id_typed_back_confirms()
    {
        var (exit, output, error) = await OffboardAsync("acme-01\n");

        Assert.True(exit == 0, output + error);
        Assert.False(_pool.Users["alice"].Enabled);
    }

    [Theory]
    [InlineData(new[] { "offboard", "acme-01", "--stage", "prod", "--table", Table, "--region", "eu-west-1" }, "give --user-pool-id too")]
    [InlineData(new[] { "suspend", "acme-01", "--stage", "prod", "--table", Table, "--region", "eu-west-1", "--yes" }, "--yes, --out and --user-pool-id are for offboard only")]
    [InlineData(new[] { "offboard", "acme-01", "--stage", "prod", "--user-pool-id", "eu-west-1_Ab1" }, "--region and --user-pool-id go with --table")]
    [InlineData(new[] { "offboard", "acme-01", "--stage", "prod", "--table", Table, "--region", "eu-west-1", "--user-pool-id", "../../x" }, "--user-pool-id \"../../x\"")]
    [InlineData(new[] { "offboard", "acme-01", "--stage", "prod", "--table", Table, "--region", "eu-west-1", "--user-pool-id", "eu-west-1_Ab1", "--yes", "--yes" }, "unknown option or missing value '--yes'")]
    public async Task Bad_offboard_input_is_refused_in_one_line_before_anything_is_called(string[] args, string expected)
    {
        var (exit, output, error) = await OperationsToolProcess.RunAsync(
            "identity-tenant",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["AWS_ENDPOINT_URL_DYNAMODB"] = _dynamoDb.Url, ["AWS_ENDPOINT_URL_STS"] = _sts.Url, ["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] = _cognito.Url },
            args);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Empty(_pool.Calls);
        Assert.Empty(_dynamoDb.Requests);
    }
}
