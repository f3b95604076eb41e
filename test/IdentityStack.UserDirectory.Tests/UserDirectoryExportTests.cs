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
        DateTimeOffset? startedAt = null;
        while (!state.Done)
        {
            state = JsonSerializer.Deserialize(JsonSerializer.Serialize(await export.ContinueAsync(state, Far, CancellationToken.None), SnapshotJsonContext.Default.ExportState), SnapshotJsonContext.Default.ExportState)!;
            Assert.True(++invocations < 50, "the export never finished");
            startedAt ??= state.StartedAt;
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
        Assert.Equal(startedAt, contents.Manifest.StartedAt);
        Assert.True(contents.Manifest.CompletedAt >= contents.Manifest.StartedAt);
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

    public static TheoryData<string, string> EditedStates => new()
    {
        { """{"snapshot":"2026-12-06T03-00-00Z","phase":"Memberships","groupIndex":-1,"parts":[]}""", "the state's phase, group index or parts are not an export's." },
        { """{"snapshot":"2026-12-06T03-00-00Z","phase":"Memberships","parts":[{"name":"../../other/groups.gz","kind":"Groups","records":1,"bytes":1,"sha256":"00"}]}""", "part '../../other/groups.gz' is not the export's part 1 of its kind." },
        { """{"snapshot":"2026-12-06T03-00-00Z","phase":"Users","parts":[{"name":"users-00002.jsonl.gz","kind":"Users","records":1,"bytes":1,"sha256":"00"}]}""", "part 'users-00002.jsonl.gz' is not the export's part 1 of its kind." },
        { """{"snapshot":"2026-12-06T03-00-00Z","phase":"Users","parts":[null]}""", "part '' is not the export's part 1 of its kind." },
        { """{"snapshot":"2026-12-06T03-00-00Z","phase":"Users","parts":null}""", "the state's phase, group index or parts are not an export's." },
        { """{"snapshot":"2026-12-06T03-00-00Z","phase":"Users","parts":[{"name":"users-00001.jsonl.gz","kind":"Users","records":1,"bytes":1,"sha256":"00"},{"name":"users-00001.jsonl.gz","kind":"Users","records":1,"bytes":1,"sha256":"00"}]}""", "part 'users-00001.jsonl.gz' is not the export's part 2 of its kind." },
        { """{"snapshot":"2026-12-06","phase":"Users","parts":[]}""", "snapshot '2026-12-06' is not a snapshot folder name (yyyy-MM-ddTHH-mm-ssZ)." },
    };

    [Theory]
    [MemberData(nameof(EditedStates))]
    public async Task A_state_the_export_did_not_write_is_refused_before_any_call(string json, string expected)
    {
        var (pool, directory) = Directory150();
        var files = new InMemorySnapshots();
        var export = Export(pool, directory, files, new ExportSettings { UserPoolId = FakeUserPool.PoolId });
        var state = JsonSerializer.Deserialize(json, SnapshotJsonContext.Default.ExportState)!;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => export.ContinueAsync(state, Far, CancellationToken.None));

        Assert.StartsWith(expected + " Start a new export with {}.", error.Message, StringComparison.Ordinal);
        Assert.Empty(pool.Calls);
        Assert.Empty(files.Files);
    }

    [Fact]
    public async Task Throttled_calls_add_up_over_the_invocations_of_one_export()
    {
        var (pool, directory) = Directory150();
        var files = new InMemorySnapshots();
        var export = Export(pool, directory, files, new ExportSettings { UserPoolId = FakeUserPool.PoolId, PagesPerInvocation = 1 });

        pool.ThrottleNext = 2;
        var first = await export.ContinueAsync(new ExportState(), Far, CancellationToken.None);
        pool.ThrottleNext = 1;
        var second = await export.ContinueAsync(first, Far, CancellationToken.None);

        Assert.Equal(2, first.Throttled);
        Assert.Equal(3, second.Throttled);
        Assert.Equal(2, second.Invocations);
    }

    [Fact]
    public async Task A_part_ends_at_its_record_limit_and_the_next_page_starts_the_next_part()
    {
        var (pool, directory) = Directory150();
        var files = new InMemorySnapshots();
        var export = Export(pool, directory, files, new ExportSettings { UserPoolId = FakeUserPool.PoolId, RecordsPerPart = 60 });

        var state = await export.ContinueAsync(new ExportState(), Far, CancellationToken.None);

        Assert.Equal([60, 60, 30], state.Parts.Where(p => p.Kind == SnapshotPartKind.Users).Select(p => p.Records));
    }

    [Fact]
    public async Task With_a_limit_of_one_record_each_page_of_members_and_items_is_a_part_of_its_own()
    {
        var (pool, directory) = Directory150();
        var files = new InMemorySnapshots();
        var export = Export(pool, directory, files, new ExportSettings { UserPoolId = FakeUserPool.PoolId, RecordsPerPart = 1 });

        var state = await export.ContinueAsync(new ExportState(), Far, CancellationToken.None);

        // admins (1 member), then members' two pages (60 and 1); the table's pages of 2 (LOGIN# left out).
        Assert.Equal([1, 60, 1], state.Parts.Where(p => p.Kind == SnapshotPartKind.Memberships).Select(p => p.Records));
        Assert.Equal([1, 2, 1], state.Parts.Where(p => p.Kind == SnapshotPartKind.DirectoryItems).Select(p => p.Records));
        Assert.Equal(Enumerable.Range(1, 3).Select(i => SnapshotFormat.PartName(SnapshotPartKind.Memberships, i)), state.Parts.Where(p => p.Kind == SnapshotPartKind.Memberships).Select(p => p.Name));
    }

    [Fact]
    public async Task An_empty_pool_exports_an_empty_groups_part_and_nothing_else_but_the_manifest()
    {
        var files = new InMemorySnapshots();
        var export = Export(new FakeUserPool(), new InMemoryDirectory(), files, new ExportSettings { UserPoolId = FakeUserPool.PoolId });

        var state = await export.ContinueAsync(new ExportState(), Far, CancellationToken.None);

        Assert.True(state.Done);
        var part = Assert.Single(state.Parts);
        Assert.Equal((SnapshotPartKind.Groups, 0), (part.Kind, part.Records));
        Assert.Equal(2, files.Files.Count);
        Assert.Equal(SnapshotCounts.None, (await SnapshotReader.ReadAsync(files.Folder(SnapshotFormat.ScheduledPrefix + state.Snapshot + "/"), CancellationToken.None)).Manifest.Counts);
    }

    [Fact]
    public async Task A_groups_part_that_is_gone_stops_the_memberships_with_a_reason()
    {
        var (pool, directory) = Directory150();
        var files = new InMemorySnapshots();
        var export = Export(pool, directory, files, new ExportSettings { UserPoolId = FakeUserPool.PoolId, PagesPerInvocation = 1 });
        var state = new ExportState();
        while (state.Phase != ExportPhase.Memberships)
        {
            state = await export.ContinueAsync(state, Far, CancellationToken.None);
        }

        files.Files.Remove(files.Files.Keys.Single(k => k.EndsWith("groups-00001.jsonl.gz", StringComparison.Ordinal)));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => export.ContinueAsync(state, Far, CancellationToken.None));
        Assert.Equal($"memory://{SnapshotFormat.ScheduledPrefix}{state.Snapshot}/groups-00001.jsonl.gz is gone; the export cannot list memberships without it. Start a new export.", error.Message);
    }

    [Fact]
    public async Task An_invocation_whose_deadline_less_the_margin_is_now_lists_nothing()
    {
        var (pool, directory) = Directory150();
        var at = new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);
        var export = new UserDirectoryExport(TestPacing.Admin(pool), directory, new InMemorySnapshots().Folder, new ExportSettings { UserPoolId = FakeUserPool.PoolId, SafetyMargin = TimeSpan.FromSeconds(90) }, new FixedTime(at));

        var state = await export.ContinueAsync(new ExportState(), at.AddSeconds(90), CancellationToken.None);

        Assert.Empty(pool.Calls);
        Assert.Empty(state.Parts);
        Assert.Equal(at, state.StartedAt);
    }

    private sealed class FixedTime(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
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
