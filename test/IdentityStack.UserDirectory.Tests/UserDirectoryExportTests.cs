using System.Text.Json;
using IdentityStack.UserDirectory.Export;
using IdentityStack.UserDirectory.Snapshots;

namespace IdentityStack.UserDirectory.Tests;

public sealed class UserDirectoryExportTests
{
    private static readonly DateTimeOffset Far = DateTimeOffset.UtcNow.AddHours(1);

    [Fact]
    public async Task An_export_resumed_across_invocations_holds_every_user_group_membership_and_directory_item()
    {
        var (pool, directory) = Directory150();
        var files = new InMemorySnapshots();
        var export = Export(pool, directory, files, new ExportSettings { UserPoolId = FakeUserPool.PoolId, Stage = "prod", PagesPerInvocation = 1 });

        // The state machine's loop: the state goes out as JSON and comes back as the next input.
        var state = new ExportState();
        var invocations = 0;
        while (!state.Done)
        {
            state = JsonSerializer.Deserialize(JsonSerializer.Serialize(await export.ContinueAsync(state, Far, CancellationToken.None), SnapshotJsonContext.Default.ExportState), SnapshotJsonContext.Default.ExportState)!;
            Assert.True(++invocations < 50, "the export never finished");
        }

        var contents = await SnapshotReader.ReadAsync(files.Folder(SnapshotFormat.ScheduledPrefix + state.Snapshot + "/"), CancellationToken.None);
        Assert.Equal(pool.Users.Keys.Order(StringComparer.Ordinal), contents.Users.Select(u => u.Username).Order(StringComparer.Ordinal));
        Assert.Equal(3, contents.Parts().Count(p => p.Kind == SnapshotPartKind.Users));
        Assert.Equal(["admins", "members"], contents.Groups.Select(g => g.Name));
        Assert.Equal(1, contents.Groups[0].Precedence);
        Assert.Equal(61 + 1, contents.Memberships.Count);
        Assert.Equal(61, contents.Memberships.Count(m => string.Equals(m.Group, "members", StringComparison.Ordinal)));
        // USER#, TENANT# and CLIENT# items; the developer login's LOGIN# counters are not user data.
        Assert.Equal(["CLIENT#c1", "TENANT#acme", "USER#s-1", "USER#s-2"], contents.DirectoryItems.Select(i => i.Key).Order(StringComparer.Ordinal));
        Assert.Equal("SUSPENDED", contents.DirectoryItems.Single(i => string.Equals(i.Key, "TENANT#acme", StringComparison.Ordinal)).Item["status"].S);
        Assert.Equal("prod", contents.Manifest.Stage);
        Assert.Equal(FakeUserPool.PoolId, contents.Manifest.UserPoolId);
        Assert.Equal(new SnapshotCounts(150, 2, 62, 4), contents.Manifest.Counts);
        Assert.Equal(state.Invocations, invocations);
        Assert.True(invocations >= 3 + 1 + 3 + 3, $"{invocations} invocations: one page each");
    }

    [Fact]
    public async Task Without_a_page_limit_one_invocation_exports_a_small_pool()
    {
        var (pool, directory) = Directory150();
        var files = new InMemorySnapshots();
        var export = Export(pool, directory, files, new ExportSettings { UserPoolId = FakeUserPool.PoolId });

        var state = await export.ContinueAsync(new ExportState(), Far, CancellationToken.None);

        Assert.True(state.Done);
        Assert.Equal(1, state.Invocations);
        Assert.Contains(SnapshotFormat.ScheduledPrefix + state.Snapshot + "/" + SnapshotFormat.ManifestName, files.Files.Keys);
    }

    [Fact]
    public async Task An_invocation_near_its_deadline_stops_writes_its_part_and_leaves_a_cursor()
    {
        var (pool, directory) = Directory150();
        var files = new InMemorySnapshots();
        var export = Export(pool, directory, files, new ExportSettings { UserPoolId = FakeUserPool.PoolId, SafetyMargin = TimeSpan.FromSeconds(90) });

        // 60 seconds left, 90 needed for safety: list nothing, write nothing, keep the state.
        var state = await export.ContinueAsync(new ExportState(), DateTimeOffset.UtcNow.AddSeconds(60), CancellationToken.None);

        Assert.False(state.Done);
        Assert.Equal(ExportPhase.Users, state.Phase);
        Assert.Null(state.Cursor);
        Assert.Empty(state.Parts);
        Assert.DoesNotContain(pool.Calls, c => string.Equals(c.Operation, "ListUsers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Throttled_calls_wait_retry_and_are_counted_in_the_state()
    {
        var (pool, directory) = Directory150();
        pool.ThrottleNext = 3;
        var files = new InMemorySnapshots();
        var export = Export(pool, directory, files, new ExportSettings { UserPoolId = FakeUserPool.PoolId });

        var state = await export.ContinueAsync(new ExportState(), Far, CancellationToken.None);

        Assert.True(state.Done);
        Assert.Equal(3, state.Throttled);
        Assert.Equal(150, (await SnapshotReader.ReadAsync(files.Folder(SnapshotFormat.ScheduledPrefix + state.Snapshot + "/"), CancellationToken.None)).Users.Count);
    }

    [Fact]
    public async Task A_state_that_names_no_snapshot_folder_is_refused_not_written_anywhere()
    {
        var (pool, directory) = Directory150();
        var files = new InMemorySnapshots();
        var export = Export(pool, directory, files, new ExportSettings { UserPoolId = FakeUserPool.PoolId });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => export.ContinueAsync(new ExportState { Snapshot = "../../other-prefix", StartedAt = DateTimeOffset.UtcNow }, Far, CancellationToken.None));

        Assert.Contains("is not a snapshot folder name", error.Message, StringComparison.Ordinal);
        Assert.Empty(files.Files);
    }

    public static TheoryData<string> EditedStates => new()
    {
        """{"snapshot":"2026-12-06T03-00-00Z","phase":"Memberships","groupIndex":-1,"parts":[]}""",
        """{"snapshot":"2026-12-06T03-00-00Z","phase":"Memberships","parts":[{"name":"../../other/groups.gz","kind":"Groups","records":1,"bytes":1,"sha256":"00"}]}""",
        """{"snapshot":"2026-12-06T03-00-00Z","phase":"Users","parts":[{"name":"users-00002.jsonl.gz","kind":"Users","records":1,"bytes":1,"sha256":"00"}]}""",
        """{"snapshot":"2026-12-06T03-00-00Z","phase":"Users","parts":[null]}""",
        """{"snapshot":"2026-12-06T03-00-00Z","phase":"Users","parts":null}""",
    };

    [Theory]
    [MemberData(nameof(EditedStates))]
    public async Task A_state_the_export_did_not_write_is_refused_before_any_call(string json)
    {
        var (pool, directory) = Directory150();
        var files = new InMemorySnapshots();
        var export = Export(pool, directory, files, new ExportSettings { UserPoolId = FakeUserPool.PoolId });
        var state = JsonSerializer.Deserialize(json, SnapshotJsonContext.Default.ExportState)!;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => export.ContinueAsync(state, Far, CancellationToken.None));

        Assert.Contains("Start a new export with {}", error.Message, StringComparison.Ordinal);
        Assert.Empty(pool.Calls);
        Assert.Empty(files.Files);
    }

    [Fact]
    public async Task A_state_already_done_does_nothing()
    {
        var (pool, directory) = Directory150();
        var export = Export(pool, directory, new InMemorySnapshots(), new ExportSettings { UserPoolId = FakeUserPool.PoolId });
        var done = new ExportState { Snapshot = "2026-12-06T03-00-00Z", Done = true, Phase = ExportPhase.Done };

        Assert.Same(done, await export.ContinueAsync(done, Far, CancellationToken.None));
        Assert.Empty(pool.Calls);
    }

    internal static (FakeUserPool Pool, InMemoryDirectory Directory) Directory150()
    {
        var pool = new FakeUserPool();
        for (var i = 0; i < 150; i++)
        {
            pool.Add($"user-{i:D3}", $"user{i}@example.com");
        }

        pool.AddGroup("admins", 1, "user-000");
        pool.AddGroup("members", 5, [.. pool.Users.Keys.Order(StringComparer.Ordinal).Take(61)]);
        var directory = new InMemoryDirectory();
        directory.Put(("pk", "USER#s-1"), ("sub", "s-1"), ("tenantId", "acme"));
        directory.Put(("pk", "USER#s-2"), ("sub", "s-2"));
        directory.Put(("pk", "TENANT#acme"), ("status", "SUSPENDED"));
        directory.Put(("pk", "CLIENT#c1"), ("clientTenantId", "acme"));
        directory.Put(("pk", "LOGIN#0123abcd"), ("failures", "2"));
        return (pool, directory);
    }

    private static UserDirectoryExport Export(FakeUserPool pool, InMemoryDirectory directory, InMemorySnapshots files, ExportSettings settings) =>
        new(TestPacing.Admin(pool), directory, files.Folder, settings, TimeProvider.System);
}

internal static class SnapshotContentsExtensions
{
    public static IReadOnlyList<SnapshotPart> Parts(this SnapshotContents contents) => contents.Manifest.Parts;
}
