using Amazon.DynamoDBv2.Model;
using IdentityStack.Triggers.Contract;
using IdentityStack.UserDirectory.Cognito;
using IdentityStack.UserDirectory.Snapshots;

namespace IdentityStack.UserDirectory.Restore;

/// <summary>
/// Brings a checked snapshot back into a pool and its directory table, adding only what is missing:
/// groups, users (AdminCreateUser with no message and a random password, then made permanent so
/// that "Forgot password" works for them; disabled again if they were), memberships, and directory
/// items. A recreated user gets a new <c>sub</c> from Cognito; their USER# item is written under it
/// (sub and pool rewritten) and the report maps old to new. Nothing is deleted or overwritten, so a
/// second run changes nothing. A dry run makes only the reads.
/// </summary>
public sealed class UserDirectoryRestore(UserPoolAdmin cognito, IDirectoryItemStore directory, TextWriter log)
{
    /// <summary>Attributes Cognito sets itself and refuses in AdminCreateUser.</summary>
    private static readonly HashSet<string> CognitoOwnedAttributes = new(StringComparer.Ordinal) { "sub", "identities" };

    /// <summary>Restores <paramref name="snapshot"/>; what was (or would be) done.</summary>
    public async Task<RestoreReport> RunAsync(SnapshotContents snapshot, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var run = new Run(dryRun);
        var groups = await RestoreGroupsAsync(snapshot, run, cancellationToken).ConfigureAwait(false);
        await RestoreUsersAsync(snapshot, run, cancellationToken).ConfigureAwait(false);
        await RestoreMembershipsAsync(snapshot, groups, run, cancellationToken).ConfigureAwait(false);
        await RestoreItemsAsync(snapshot, run, cancellationToken).ConfigureAwait(false);
        return run.Report with
        {
            SubMapping = run.Mapping.Where(m => !run.Planned.Contains(m.Key)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal),
        };
    }

    /// <summary>Creates the snapshot's groups the pool lacks; the groups the pool had before.</summary>
    private async Task<HashSet<string>> RestoreGroupsAsync(SnapshotContents snapshot, Run run, CancellationToken cancellationToken)
    {
        var existing = (await UserPoolAdmin.AllAsync(next => cognito.ListGroupsAsync(next, cancellationToken)).ConfigureAwait(false))
            .Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var group in snapshot.Groups.Where(g => !existing.Contains(g.Name)))
        {
            await log.WriteLineAsync($"{run.Verb}create group {group.Name}").ConfigureAwait(false);
            if (!run.DryRun)
            {
                await cognito.CreateGroupAsync(group, cancellationToken).ConfigureAwait(false);
            }

            run.Report = run.Report with { GroupsCreated = run.Report.GroupsCreated + 1 };
        }

        return existing;
    }

    /// <summary>Creates the snapshot's users the pool lacks (not federated ones) and maps every accounted user's old sub to the one they have now.</summary>
    private async Task RestoreUsersAsync(SnapshotContents snapshot, Run run, CancellationToken cancellationToken)
    {
        // Usernames are compared without case: a pool may be case-insensitive, and then "Alice" exists when "alice" does.
        // Stryker disable once Linq : a group of GroupBy is never empty, so First and FirstOrDefault are the same.
        var present = (await UserPoolAdmin.AllAsync(next => cognito.ListUsersAsync(next, cancellationToken)).ConfigureAwait(false))
            .GroupBy(u => u.Username, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Sub, StringComparer.OrdinalIgnoreCase);
        foreach (var user in snapshot.Users)
        {
            if (present.TryGetValue(user.Username, out var sub))
            {
                run.Accounted.Add(user.Username);
                run.Map(user.Sub, sub);
                run.Report = run.Report with { UsersPresent = run.Report.UsersPresent + 1 };
            }
            else if (user.IsFederated)
            {
                run.Report = run.Report with { FederatedSkipped = [.. run.Report.FederatedSkipped, user.Username] };
            }
            else
            {
                await CreateUserAsync(user, run, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task CreateUserAsync(SnapshotUser user, Run run, CancellationToken cancellationToken)
    {
        await log.WriteLineAsync($"{run.Verb}create user {user.Username}{(user.Enabled ? string.Empty : " (disabled)")}").ConfigureAwait(false);
        if (run.DryRun)
        {
            run.Accounted.Add(user.Username);
            run.Plan(user.Sub, $"(new sub of {user.Username})");
        }
        else
        {
            try
            {
                var attributes = user.Attributes.Where(a => !CognitoOwnedAttributes.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
                var newSub = await cognito.CreateUserAsync(user.Username, attributes, RestorePasswords.Create(), cancellationToken).ConfigureAwait(false);
                // A permanent password nobody knows: the user is CONFIRMED, so "Forgot password" sends them a code.
                await cognito.SetPasswordAsync(user.Username, RestorePasswords.Create(), permanent: true, cancellationToken).ConfigureAwait(false);
                if (!user.Enabled)
                {
                    await cognito.DisableUserAsync(user.Username, cancellationToken).ConfigureAwait(false);
                }

                run.Accounted.Add(user.Username);
                run.Map(user.Sub, newSub);
            }
            catch (UserPoolCallException error)
            {
                await log.WriteLineAsync($"failed user {user.Username}: {error.Message}").ConfigureAwait(false);
                run.Report = run.Report with { Failures = [.. run.Report.Failures, $"{user.Username}: {error.Message}"] };
                return;
            }
        }

        run.Report = run.Report with
        {
            UsersCreated = run.Report.UsersCreated + 1,
            NeedAdminReset = HasVerifiedContact(user) ? run.Report.NeedAdminReset : [.. run.Report.NeedAdminReset, user.Username],
        };
    }

    /// <summary>Adds the snapshot's memberships of accounted users that the pool lacks.</summary>
    private async Task RestoreMembershipsAsync(SnapshotContents snapshot, HashSet<string> groupsBefore, Run run, CancellationToken cancellationToken)
    {
        foreach (var group in snapshot.Memberships.GroupBy(m => m.Group, StringComparer.Ordinal))
        {
            var members = groupsBefore.Contains(group.Key)
                ? (await UserPoolAdmin.AllAsync(next => cognito.ListUsersInGroupAsync(group.Key, next, cancellationToken)).ConfigureAwait(false)).ToHashSet(StringComparer.OrdinalIgnoreCase)
                : [];
            foreach (var membership in group.Where(m => run.Accounted.Contains(m.Username) && !members.Contains(m.Username)))
            {
                await log.WriteLineAsync($"{run.Verb}add {membership.Username} to {membership.Group}").ConfigureAwait(false);
                if (!run.DryRun)
                {
                    await cognito.AddUserToGroupAsync(membership.Username, membership.Group, cancellationToken).ConfigureAwait(false);
                }

                run.Report = run.Report with { MembershipsAdded = run.Report.MembershipsAdded + 1 };
            }
        }
    }

    /// <summary>
    /// The directory items: a USER# item under its user's sub now (users accounted for only),
    /// TENANT# and CLIENT# items as they were; each only where no item has its key.
    /// </summary>
    private async Task RestoreItemsAsync(SnapshotContents snapshot, Run run, CancellationToken cancellationToken)
    {
        foreach (var record in snapshot.DirectoryItems)
        {
            var item = DirectoryItemConversion.ToItem(record);
            var key = record.Key ?? string.Empty;
            // Stryker disable once Conditional : for a key of another kind the tail of the key is no sub of the mapping either.
            var oldSub = key.StartsWith(DirectoryKeys.UserPrefix, StringComparison.Ordinal) ? key[DirectoryKeys.UserPrefix.Length..] : string.Empty;
            if (key.StartsWith(DirectoryKeys.UserPrefix, StringComparison.Ordinal)
                && run.Mapping.TryGetValue(oldSub, out var sub))
            {
                key = DirectoryKeys.UserPrefix + sub;
                item[DirectoryKeys.PartitionKey] = new AttributeValue { S = key };
                item["sub"] = new AttributeValue { S = sub };
                item["userPoolId"] = new AttributeValue { S = cognito.UserPoolId };
            }
            else if (!key.StartsWith(DirectoryKeys.TenantPrefix, StringComparison.Ordinal) && !key.StartsWith(DirectoryKeys.MachineClientPrefix, StringComparison.Ordinal))
            {
                run.Report = run.Report with { ItemsSkipped = run.Report.ItemsSkipped + 1 };
                continue;
            }

            // A user a dry run would create has no sub yet, so no item to look for: it would be written.
            var missing = run.Planned.Contains(oldSub)
                || (run.DryRun ? !await directory.ExistsAsync(key, cancellationToken).ConfigureAwait(false) : await directory.PutIfAbsentAsync(item, cancellationToken).ConfigureAwait(false));
            if (!missing)
            {
                run.Report = run.Report with { ItemsPresent = run.Report.ItemsPresent + 1 };
                continue;
            }

            await log.WriteLineAsync($"{run.Verb}write {key}").ConfigureAwait(false);
            run.Report = run.Report with { ItemsWritten = run.Report.ItemsWritten + 1 };
        }
    }

    private static bool HasVerifiedContact(SnapshotUser user) =>
        (user.Attributes.TryGetValue("email_verified", out var email) && string.Equals(email, "true", StringComparison.OrdinalIgnoreCase))
        || (user.Attributes.TryGetValue("phone_number_verified", out var phone) && string.Equals(phone, "true", StringComparison.OrdinalIgnoreCase));

    /// <summary>One run's progress: what it did so far, the users it accounts for, old sub to sub now.</summary>
    private sealed class Run(bool dryRun)
    {
        public bool DryRun => dryRun;

        public string Verb => dryRun ? "would " : string.Empty;

        public RestoreReport Report { get; set; } = new();

        public HashSet<string> Accounted { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, string> Mapping { get; } = new(StringComparer.Ordinal);

        /// <summary>Old subs of users a dry run would create (they have no new sub yet).</summary>
        public HashSet<string> Planned { get; } = new(StringComparer.Ordinal);

        public void Map(string? oldSub, string? newSub)
        {
            if (oldSub is not null && newSub is not null)
            {
                Mapping[oldSub] = newSub;
            }
        }

        public void Plan(string? oldSub, string placeholder)
        {
            if (oldSub is not null)
            {
                Mapping[oldSub] = placeholder;
                Planned.Add(oldSub);
            }
        }
    }
}
