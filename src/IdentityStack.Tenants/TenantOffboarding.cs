using IdentityStack.Triggers.Contract;
using IdentityStack.UserDirectory.Cognito;
using IdentityStack.UserDirectory.Snapshots;

namespace IdentityStack.Tenants;

/// <summary>
/// Offboarding a tenant: its users (the tenant-users index), each as ListUsers shows them, their
/// groups and directory items, and the tenant's item, written as a snapshot in the backup's format
/// (so identity-restore can bring them back); then, once confirmed (the operator types the tenant
/// id, or --yes), each user is disabled and the tenant suspended. Nothing is deleted.
/// </summary>
internal sealed class TenantOffboarding(TenantDirectory directory, UserPoolAdmin cognito, TextReader input, TextWriter output)
{
    public async Task<(int ExitCode, string Outcome)> RunAsync(TenantRequest request, string who, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (records, missing) = await CollectAsync(request, now, cancellationToken).ConfigureAwait(false);
        var folder = Path.Combine(request.OutDirectory!, SnapshotFormat.FolderName(now));
        var manifest = await SnapshotWriter.WriteAsync(new LocalSnapshotStore(folder), records, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"tenant {request.Tenant}: {manifest.Counts.Users} users exported with their groups and directory items to {folder}").ConfigureAwait(false);
        foreach (var sub in missing)
        {
            await output.WriteLineAsync($"  profile USER#{sub} names the tenant but the pool has no user with that sub (deleted earlier): exported as an item only").ConfigureAwait(false);
        }

        if (!request.Yes && !await ConfirmedAsync(request.Tenant, records.Users.Count).ConfigureAwait(false))
        {
            await output.WriteLineAsync($"not confirmed: nothing disabled; the export stays in {folder}").ConfigureAwait(false);
            return (1, "not confirmed");
        }

        foreach (var user in records.Users.Where(u => u.Enabled))
        {
            await cognito.DisableUserAsync(user.Username, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"  disabled {user.Username}").ConfigureAwait(false);
        }

        await directory.SetStatusAsync(request.Tenant, DirectoryKeys.TenantSuspended, who, now, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"tenant {request.Tenant} offboarded: {records.Users.Count} users disabled (sign-in and tokens refused), tenant {DirectoryKeys.TenantSuspended}; to bring them back: ./build.sh restore-users --stage {request.Stage} --snapshot {folder}, then enable the users").ConfigureAwait(false);
        return (0, $"offboarded {records.Users.Count} users");
    }

    /// <summary>The tenant's users, groups, memberships and items with the manifest to write them under; and the subs whose profile names the tenant but whom the pool no longer has.</summary>
    private async Task<(SnapshotContents Records, IReadOnlyList<string> Missing)> CollectAsync(TenantRequest request, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var tenant = request.Tenant;
        var users = new List<SnapshotUser>();
        var memberships = new List<SnapshotMembership>();
        var items = new List<SnapshotDirectoryItem>();
        var missing = new List<string>();
        await foreach (var sub in directory.UsersAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            if (await directory.ItemAsync(DirectoryKeys.UserPrefix + sub, cancellationToken).ConfigureAwait(false) is { } item)
            {
                items.Add(DirectoryItemConversion.ToSnapshot(item));
            }

            // The filter takes the sub as a quoted value; a sub is a UUID, so it needs no escaping.
            var found = await cognito.ListUsersAsync(null, cancellationToken, $"sub = \"{sub}\"").ConfigureAwait(false);
            if (found.Items is not [var user, ..])
            {
                missing.Add(sub);
                continue;
            }

            users.Add(user);
            var groups = await UserPoolAdmin.AllAsync(next => cognito.ListGroupsForUserAsync(user.Username, next, cancellationToken)).ConfigureAwait(false);
            memberships.AddRange(groups.Select(g => new SnapshotMembership(g, user.Username)));
        }

        if (await directory.ItemAsync(TenantDirectory.Key(tenant), cancellationToken).ConfigureAwait(false) is { } tenantItem)
        {
            items.Add(DirectoryItemConversion.ToSnapshot(tenantItem));
        }

        var named = memberships.Select(m => m.Group).ToHashSet(StringComparer.Ordinal);
        var allGroups = await UserPoolAdmin.AllAsync(next => cognito.ListGroupsAsync(next, cancellationToken)).ConfigureAwait(false);
        var manifest = new SnapshotManifest
        {
            FormatVersion = SnapshotFormat.Version,
            UserPoolId = cognito.UserPoolId,
            Stage = request.Stage,
            Kind = SnapshotFormat.OffboardKind,
            Tenant = tenant,
            StartedAt = startedAt,
            CompletedAt = DateTimeOffset.UtcNow,
            Counts = SnapshotCounts.None,
            Parts = [],
        };
        return (new SnapshotContents(manifest, users, [.. allGroups.Where(g => named.Contains(g.Name))], memberships, items), missing);
    }

    /// <summary>Asks the operator to type the tenant id; anything else (or no input) is a no.</summary>
    private async Task<bool> ConfirmedAsync(string tenant, int users)
    {
        await output.WriteLineAsync($"Disable {users} users of tenant {tenant} and suspend the tenant? Type the tenant id to confirm:").ConfigureAwait(false);
        var answer = await input.ReadLineAsync().ConfigureAwait(false);
        return string.Equals(answer?.Trim(), tenant, StringComparison.Ordinal);
    }
}
