using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Directory;

namespace IdentityStack.Triggers.Benchmarks;

/// <summary>The real handlers with in-memory stores, so warm timings measure our code and not the network.</summary>
internal static class BenchRegistry
{
    public static IReadOnlyDictionary<string, Func<ILambdaHandler>> Create(IReadOnlyDictionary<string, string> environment) =>
        TriggerRegistry.Create(
            name => environment.TryGetValue(name, out var value) ? value : null,
            _ => new MemoryDirectory(),
            _ => new MemoryLegacyUsers(),
            TextWriter.Null,
            TimeProvider.System);

    private sealed class MemoryDirectory : IIdentityDirectory
    {
        public Task<bool> CreateProfileIfAbsentAsync(UserProfile profile, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<bool> IsTenantSuspendedAsync(string tenantId, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<StoredProfile> GetProfileAsync(string userSub, CancellationToken cancellationToken) => Task.FromResult(new StoredProfile(ProfileState.Active, "acme-01"));

        public Task MoveProfileToTenantAsync(string userSub, string? tenantId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<MachineClient?> GetMachineClientAsync(string clientId, CancellationToken cancellationToken) =>
            Task.FromResult<MachineClient?>(new(clientId, "acme-01", ["identitystack/read"]));
    }

    private sealed class MemoryLegacyUsers : ILegacyUserStore
    {
        private static readonly LegacyUser User = new("old.user@example.com", "old.user@example.com", true, "acme-01", "pbkdf2-sha256$10000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

        public Task<LegacyUser?> FindAsync(string userName, CancellationToken cancellationToken) => Task.FromResult<LegacyUser?>(User);

        public Task MarkMigratedAsync(string userName, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
