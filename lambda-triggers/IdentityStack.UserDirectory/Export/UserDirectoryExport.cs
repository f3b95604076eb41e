using System.Text.Json;
using IdentityStack.Triggers.Contract;
using IdentityStack.UserDirectory.Cognito;
using IdentityStack.UserDirectory.Snapshots;

namespace IdentityStack.UserDirectory.Export;

/// <summary>
/// The scheduled export, one invocation's worth at a time: from an <see cref="ExportState"/> it lists
/// as many pages as the invocation's time (or <see cref="ExportSettings.PagesPerInvocation"/>)
/// allows, writes what it listed as parts, and returns the state to resume from. Users, then
/// groups, then each group's members, then the directory table's USER#, TENANT# and CLIENT# items;
/// the manifest last, so a snapshot without one is an export that did not finish. Throttled Cognito
/// calls wait and retry (<see cref="UserPoolAdmin"/>); an invocation that fails is retried by the
/// state machine from the state it was given, rewriting the same part names.
/// </summary>
public sealed class UserDirectoryExport(
    UserPoolAdmin cognito,
    IDirectoryTableScan directory,
    Func<string, ISnapshotStore> snapshotStore,
    ExportSettings settings,
    TimeProvider time)
{
    private static readonly string[] ExportedKeyPrefixes = [DirectoryKeys.UserPrefix, DirectoryKeys.TenantPrefix, DirectoryKeys.MachineClientPrefix];

    /// <summary>Continues <paramref name="state"/> until <paramref name="deadline"/> (less the safety margin); the state to resume from.</summary>
    public async Task<ExportState> ContinueAsync(ExportState state, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Done)
        {
            return state;
        }

        var throttledBefore = cognito.Throttled;
        if (state.Snapshot is null)
        {
            var now = time.GetUtcNow();
            state = new ExportState { Snapshot = SnapshotFormat.FolderName(now), StartedAt = now, Phase = ExportPhase.Users };
        }
        else if (Problem(state) is { } problem)
        {
            // The state comes back from the state machine; one that was edited by hand is refused, not followed.
            throw new ArgumentException(problem + " Start a new export with {}.", nameof(state));
        }

        var store = snapshotStore(SnapshotFormat.ScheduledPrefix + state.Snapshot + "/");
        var budget = new Budget(deadline - settings.SafetyMargin, settings.PagesPerInvocation, time);
        state = state with { Invocations = state.Invocations + 1 };
        while (state.Phase != ExportPhase.Done && !budget.Spent)
        {
            state = state.Phase switch
            {
                ExportPhase.Users => await UsersAsync(state, store, budget, cancellationToken).ConfigureAwait(false),
                ExportPhase.Groups => await GroupsAsync(state, store, budget, cancellationToken).ConfigureAwait(false),
                ExportPhase.Memberships => await MembershipsAsync(state, store, budget, cancellationToken).ConfigureAwait(false),
                _ => await DirectoryItemsAsync(state, store, budget, cancellationToken).ConfigureAwait(false),
            };
        }

        state = state with { Throttled = state.Throttled + cognito.Throttled - throttledBefore };
        if (state.Phase == ExportPhase.Done)
        {
            var manifest = new SnapshotManifest
            {
                FormatVersion = SnapshotFormat.Version,
                UserPoolId = settings.UserPoolId,
                Stage = settings.Stage,
                Kind = SnapshotFormat.ScheduledKind,
                StartedAt = state.StartedAt ?? time.GetUtcNow(),
                CompletedAt = time.GetUtcNow(),
                Counts = state.Parts.Aggregate(SnapshotCounts.None, (counts, part) => counts.With(part)),
                Parts = state.Parts,
            };
            await store.PutAsync(SnapshotFormat.ManifestName, JsonSerializer.SerializeToUtf8Bytes(manifest, SnapshotJsonContext.Default.SnapshotManifest), cancellationToken).ConfigureAwait(false);
            state = state with { Done = true, Cursor = null };
        }

        return state;
    }

    private async Task<ExportState> UsersAsync(ExportState state, ISnapshotStore store, Budget budget, CancellationToken cancellationToken)
    {
        using var part = new SnapshotPartWriter<SnapshotUser>(SnapshotPartKind.Users, SnapshotJsonContext.Default.SnapshotUser);
        var cursor = state.Cursor;
        var finished = false;
        while (!budget.Spent && part.Records < settings.RecordsPerPart)
        {
            var page = await cognito.ListUsersAsync(cursor, cancellationToken).ConfigureAwait(false);
            budget.Page();
            foreach (var user in page.Items)
            {
                part.Write(user);
            }

            cursor = page.Next;
            if (cursor is null)
            {
                finished = true;
                break;
            }
        }

        state = await WritePartAsync(state, store, part, SnapshotPartKind.Users, cancellationToken).ConfigureAwait(false);
        return finished ? state with { Phase = ExportPhase.Groups, Cursor = null } : state with { Cursor = cursor };
    }

    private async Task<ExportState> GroupsAsync(ExportState state, ISnapshotStore store, Budget budget, CancellationToken cancellationToken)
    {
        // A pool has at most 10,000 groups: one part, listed within one invocation.
        using var part = new SnapshotPartWriter<SnapshotGroup>(SnapshotPartKind.Groups, SnapshotJsonContext.Default.SnapshotGroup);
        foreach (var group in await UserPoolAdmin.AllAsync(next => cognito.ListGroupsAsync(next, cancellationToken)).ConfigureAwait(false))
        {
            part.Write(group);
        }

        budget.Page();
        state = await WritePartAsync(state, store, part, SnapshotPartKind.Groups, cancellationToken, keepEmpty: true).ConfigureAwait(false);
        return state with { Phase = ExportPhase.Memberships, Cursor = null, GroupIndex = 0 };
    }

    private async Task<ExportState> MembershipsAsync(ExportState state, ISnapshotStore store, Budget budget, CancellationToken cancellationToken)
    {
        var groups = await GroupNamesAsync(state, store, cancellationToken).ConfigureAwait(false);
        using var part = new SnapshotPartWriter<SnapshotMembership>(SnapshotPartKind.Memberships, SnapshotJsonContext.Default.SnapshotMembership);
        var index = state.GroupIndex;
        var cursor = state.Cursor;
        while (index < groups.Count && !budget.Spent && part.Records < settings.RecordsPerPart)
        {
            var page = await cognito.ListUsersInGroupAsync(groups[index], cursor, cancellationToken).ConfigureAwait(false);
            budget.Page();
            foreach (var username in page.Items)
            {
                part.Write(new SnapshotMembership(groups[index], username));
            }

            cursor = page.Next;
            if (cursor is null)
            {
                index++;
            }
        }

        state = await WritePartAsync(state, store, part, SnapshotPartKind.Memberships, cancellationToken).ConfigureAwait(false);
        return index >= groups.Count
            ? state with { Phase = ExportPhase.DirectoryItems, Cursor = null, GroupIndex = 0 }
            : state with { GroupIndex = index, Cursor = cursor };
    }

    private async Task<ExportState> DirectoryItemsAsync(ExportState state, ISnapshotStore store, Budget budget, CancellationToken cancellationToken)
    {
        using var part = new SnapshotPartWriter<SnapshotDirectoryItem>(SnapshotPartKind.DirectoryItems, SnapshotJsonContext.Default.SnapshotDirectoryItem);
        var cursor = state.Cursor;
        var finished = false;
        while (!budget.Spent && part.Records < settings.RecordsPerPart)
        {
            var (items, next) = await directory.ScanAsync(cursor, cancellationToken).ConfigureAwait(false);
            budget.Page();
            foreach (var item in items.Where(i => i.TryGetValue(DirectoryKeys.PartitionKey, out var key) && key.S is { } k && ExportedKeyPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))))
            {
                part.Write(DirectoryItemConversion.ToSnapshot(item));
            }

            cursor = next;
            if (cursor is null)
            {
                finished = true;
                break;
            }
        }

        state = await WritePartAsync(state, store, part, SnapshotPartKind.DirectoryItems, cancellationToken).ConfigureAwait(false);
        return finished ? state with { Phase = ExportPhase.Done, Cursor = null } : state with { Cursor = cursor };
    }

    /// <summary>Writes the part (none when it is empty, unless <paramref name="keepEmpty"/>) and adds it to the state.</summary>
    private static async Task<ExportState> WritePartAsync<T>(ExportState state, ISnapshotStore store, SnapshotPartWriter<T> writer, SnapshotPartKind kind, CancellationToken cancellationToken, bool keepEmpty = false)
    {
        if (writer.Records == 0 && !keepEmpty)
        {
            return state;
        }

        var index = state.Parts.Count(p => p.Kind == kind) + 1;
        var (content, part) = writer.Finish(SnapshotFormat.PartName(kind, index));
        await store.PutAsync(part.Name, content, cancellationToken).ConfigureAwait(false);
        return state with { Parts = [.. state.Parts, part] };
    }

    /// <summary>The group names, read back from the groups part this export wrote (so the state carries an index, not the names).</summary>
    private static async Task<IReadOnlyList<string>> GroupNamesAsync(ExportState state, ISnapshotStore store, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var part in state.Parts.Where(p => p.Kind == SnapshotPartKind.Groups))
        {
            var content = await store.GetAsync(part.Name, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"{store.Location}{part.Name} is gone; the export cannot list memberships without it. Start a new export.");
            names.AddRange(SnapshotReader.ReadRecords(content, part, SnapshotJsonContext.Default.SnapshotGroup).Select(g => g.Name));
        }

        return names;
    }

    /// <summary>What is wrong with a state this export did not write, or null.</summary>
    private static string? Problem(ExportState state)
    {
        if (!DateTimeOffset.TryParseExact(state.Snapshot, "yyyy-MM-dd'T'HH-mm-ss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out _))
        {
            return $"snapshot '{state.Snapshot}' is not a snapshot folder name (yyyy-MM-ddTHH-mm-ssZ).";
        }

        if (state.GroupIndex < 0 || state.Parts is null || !Enum.IsDefined(state.Phase))
        {
            return "the state's phase, group index or parts are not an export's.";
        }

        var expected = new Dictionary<SnapshotPartKind, int>();
        foreach (var part in state.Parts)
        {
            var index = expected[part?.Kind ?? default] = expected.GetValueOrDefault(part?.Kind ?? default) + 1;
            if (part is null || !string.Equals(part.Name, SnapshotFormat.PartName(part.Kind, index), StringComparison.Ordinal))
            {
                return $"part '{part?.Name}' is not the export's part {index} of its kind.";
            }
        }

        return null;
    }

    /// <summary>What one invocation may still do: pages, and time before the deadline.</summary>
    private sealed class Budget(DateTimeOffset stopAt, int? pages, TimeProvider time)
    {
        private int _pages;

        public bool Spent => time.GetUtcNow() >= stopAt || (pages is { } most && _pages >= most);

        public void Page() => _pages++;
    }
}
