using System.Text.Json;
using IdentityStack.Testing;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Tenants.Tests;

/// <summary>
/// identity-tenant, the real program, against an in-memory directory table on loopback (the SDK's
/// AWS_ENDPOINT_URL_DYNAMODB) and a loopback STS: the items it writes are the contract the triggers
/// read (DirectoryKeys), every run ends with an audit line (who, what, when), and bad input is
/// refused with one line and exit 2 before anything is called.
/// </summary>
#pragma warning disable CA1001 // xunit disposes the servers through IAsyncLifetime.DisposeAsync.
public sealed class TenantToolTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Table = "identity-directory";
    private readonly InMemoryDynamoDbTable _table = new();
    private RecordingDynamoDb _dynamoDb = null!;
    private FakeSts _sts = null!;

    public Task InitializeAsync()
    {
        _dynamoDb = new RecordingDynamoDb();
        _dynamoDb.Answer = _table.Answer;
        _sts = new FakeSts();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _dynamoDb.DisposeAsync();
        await _sts.DisposeAsync();
    }

    private async Task<(int ExitCode, string[] Lines, string Error)> RunAsync(params string[] args)
    {
        var (exitCode, output, error) = await TenantToolProcess.RunAsync(_dynamoDb.Url, _sts.Url, args);
        return (exitCode, output.Split('\n', StringSplitOptions.RemoveEmptyEntries), error);
    }

    private Task<(int ExitCode, string[] Lines, string Error)> TenantAsync(string action, string tenant) =>
        RunAsync(action, tenant, "--stage", "prod", "--table", Table, "--region", "eu-west-1");

    private static JsonElement Audit(string[] lines) => JsonDocument.Parse(lines[^1]).RootElement.Clone();

    private string? Status(string tenant) =>
        _table.Items.TryGetValue(DirectoryKeys.TenantPrefix + tenant, out var item) ? item[DirectoryKeys.TenantStatusAttribute]?["S"]?.GetValue<string>() : null;

    [Fact]
    public async Task Create_suspend_resume_write_the_tenant_item_the_triggers_read_and_each_leaves_an_audit_line()
    {
        var created = await TenantAsync("create", "acme-01");
        Assert.Equal(0, created.ExitCode);
        Assert.Equal(DirectoryKeys.TenantActive, Status("acme-01"));

        var again = await TenantAsync("create", "acme-01");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("tenant acme-01 exists already (ACTIVE); nothing written", again.Lines[0], StringComparison.Ordinal);

        var suspended = await TenantAsync("suspend", "acme-01");
        Assert.Equal(0, suspended.ExitCode);
        Assert.Equal(DirectoryKeys.TenantSuspended, Status("acme-01"));
        var audit = Audit(suspended.Lines);
        Assert.Equal("suspend", audit.GetProperty("action").GetString());
        Assert.Equal("acme-01", audit.GetProperty("tenant").GetString());
        Assert.Equal(_sts.Arn, audit.GetProperty("who").GetString());
        Assert.Equal(DirectoryKeys.TenantSuspended, audit.GetProperty("outcome").GetString());
        Assert.True(DateTimeOffset.UtcNow - DateTimeOffset.Parse(audit.GetProperty("when").GetString()!, System.Globalization.CultureInfo.InvariantCulture) < TimeSpan.FromMinutes(5));
        Assert.Equal(_sts.Arn, _table.Items[DirectoryKeys.TenantPrefix + "acme-01"]["updatedBy"]!["S"]!.GetValue<string>());

        var resumed = await TenantAsync("resume", "acme-01");
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(DirectoryKeys.TenantActive, Status("acme-01"));
    }

    [Fact]
    public async Task A_tenant_only_its_users_name_can_be_suspended_and_show_and_list_users_read_the_tenant_index()
    {
        foreach (var (sub, tenant) in new[] { ("sub-1", "globex"), ("sub-2", "globex"), ("sub-3", "acme-01") })
        {
            _table.Items[DirectoryKeys.UserPrefix + sub] = new System.Text.Json.Nodes.JsonObject
            {
                ["pk"] = new System.Text.Json.Nodes.JsonObject { ["S"] = DirectoryKeys.UserPrefix + sub },
                [DirectoryKeys.TenantAttribute] = new System.Text.Json.Nodes.JsonObject { ["S"] = tenant },
            };
        }

        var before = await TenantAsync("show", "globex");
        Assert.Equal("tenant globex: ACTIVE (no tenant item: never created or suspended), 2 users", before.Lines[0]);

        Assert.Equal(0, (await TenantAsync("suspend", "globex")).ExitCode);
        var after = await TenantAsync("show", "globex");
        Assert.StartsWith("tenant globex: SUSPENDED, 2 users; last changed ", after.Lines[0], StringComparison.Ordinal);
        Assert.EndsWith($" by {_sts.Arn}", after.Lines[0], StringComparison.Ordinal);

        var listed = await TenantAsync("list-users", "globex");
        Assert.Equal(["sub-1", "sub-2"], listed.Lines[..^1]);
        Assert.Equal("2 users", Audit(listed.Lines).GetProperty("outcome").GetString());
        Assert.All(_dynamoDb.Requests.Where(r => string.Equals(r.Operation, "Query", StringComparison.Ordinal)), query => Assert.Equal(DirectoryKeys.TenantIndex, query.Body.GetProperty("IndexName").GetString()));
    }

    [Theory]
    [InlineData(new[] { "delete", "acme-01", "--stage", "prod" }, "say what to do and to which tenant")]
    [InlineData(new[] { "suspend" }, "say what to do and to which tenant")]
    [InlineData(new[] { "suspend", "{{resolve:ssm:x}}", "--stage", "prod" }, "use a tenant id")]
    [InlineData(new[] { "suspend", "acme 01", "--stage", "prod" }, "use a tenant id")]
    [InlineData(new[] { "suspend", "\u0007bell", "--stage", "prod" }, "tenant \"?bell\"")]
    [InlineData(new[] { "suspend", "acme-01" }, "give the stage")]
    [InlineData(new[] { "suspend", "acme-01", "--stage", "Prod!" }, "give the stage")]
    [InlineData(new[] { "suspend", "acme-01", "--stage", "prod", "--force", "x" }, "unknown option or missing value '--force'")]
    [InlineData(new[] { "suspend", "acme-01", "--stage", "prod", "--table" }, "unknown option or missing value '--table'")]
    [InlineData(new[] { "suspend", "acme-01", "--stage", "prod", "--stage", "dev", "--table", "identity-directory", "--region", "eu-west-1" }, "--stage is given twice")]
    [InlineData(new[] { "suspend", "acme-01", "--stage", "prod", "--table", "t" }, "--table needs a DynamoDB table name and --region")]
    [InlineData(new[] { "suspend", "acme-01", "--stage", "prod", "--outputs", "/nonexistent/out.json" }, "not found: deploy the stage first")]
    public async Task Bad_input_is_refused_with_one_line_and_exit_2_before_any_call(string[] args, string message)
    {
        var (exitCode, lines, error) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Empty(lines);
        Assert.StartsWith("identity-tenant: ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(_dynamoDb.Requests);
    }

    [Fact]
    public void The_table_and_region_come_from_the_stage_deploy_outputs()
    {
        var folder = Directory.CreateTempSubdirectory("tenant-outputs-").FullName;
        var file = Path.Combine(folder, "cdk-outputs.json");
        File.WriteAllText(file, """{ "IdentityStack-prod": { "UserPoolId": "eu-central-1_AbCdEf123", "DirectoryTableName": "IdentityStack-prod-TriggersDirectoryTable-1ABC" } }""");

        var (request, refusal) = TenantRequest.Parse(["suspend", "acme-01", "--stage", "prod", "--outputs", file], folder);

        Assert.Null(refusal);
        Assert.Equal(new TenantRequest(TenantAction.Suspend, "acme-01", "prod", "IdentityStack-prod-TriggersDirectoryTable-1ABC", "eu-central-1"), request! with { UserPoolId = null, OutDirectory = null });
        Assert.Equal("eu-central-1_AbCdEf123", request.UserPoolId);

        File.WriteAllText(file, """{ "IdentityStack-prod": { "UserPoolId": "eu-central-1_AbCdEf123" } }""");
        Assert.Contains("has no DirectoryTableName and UserPoolId of IdentityStack-prod", TenantRequest.Parse(["show", "acme-01", "--stage", "prod", "--outputs", file], folder).Refusal, StringComparison.Ordinal);
        File.WriteAllText(file, "not json");
        Assert.Contains("is not JSON", TenantRequest.Parse(["show", "acme-01", "--stage", "prod", "--outputs", file], folder).Refusal, StringComparison.Ordinal);
    }
}
