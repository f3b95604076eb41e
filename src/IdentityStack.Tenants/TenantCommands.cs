using IdentityStack.Triggers.Contract;

namespace IdentityStack.Tenants;

/// <summary>What each action does and prints; the outcome goes into the audit line.</summary>
internal static class TenantCommands
{
    public static async Task<(int ExitCode, string Outcome)> RunAsync(TenantRequest request, TenantDirectory directory, string who, DateTimeOffset now, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(output);
        switch (request.Action)
        {
            case TenantAction.Create:
                if (!await directory.CreateAsync(request.Tenant, who, now, cancellationToken).ConfigureAwait(false))
                {
                    var (status, _, _, _) = await directory.StatusAsync(request.Tenant, cancellationToken).ConfigureAwait(false);
                    await output.WriteLineAsync($"tenant {request.Tenant} exists already ({status}); nothing written").ConfigureAwait(false);
                    return (1, "exists");
                }

                await output.WriteLineAsync($"tenant {request.Tenant} created ({DirectoryKeys.TenantActive})").ConfigureAwait(false);
                return (0, "created");
            case TenantAction.Suspend:
            case TenantAction.Resume:
                var target = request.Action == TenantAction.Suspend ? DirectoryKeys.TenantSuspended : DirectoryKeys.TenantActive;
                await directory.SetStatusAsync(request.Tenant, target, who, now, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync(request.Action == TenantAction.Suspend
                    ? $"tenant {request.Tenant} {target}: its users get no tokens from now on, at sign-in and at every refresh; tokens already issued expire on their own"
                    : $"tenant {request.Tenant} {target}: its users sign in and refresh again").ConfigureAwait(false);
                return (0, target);
            case TenantAction.Show:
                var (current, by, at, hasItem) = await directory.StatusAsync(request.Tenant, cancellationToken).ConfigureAwait(false);
                var users = 0;
                await foreach (var _ in directory.UsersAsync(request.Tenant, cancellationToken).ConfigureAwait(false))
                {
                    users++;
                }

                await output.WriteLineAsync(hasItem
                    ? $"tenant {request.Tenant}: {current}, {users} users; last changed {at ?? "(unknown)"} by {by ?? "(unknown)"}"
                    : $"tenant {request.Tenant}: {current} (no tenant item: never created or suspended), {users} users").ConfigureAwait(false);
                return (0, current);
            default:
                var count = 0;
                await foreach (var sub in directory.UsersAsync(request.Tenant, cancellationToken).ConfigureAwait(false))
                {
                    await output.WriteLineAsync(sub).ConfigureAwait(false);
                    count++;
                }

                return (0, count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " users");
        }
    }
}
