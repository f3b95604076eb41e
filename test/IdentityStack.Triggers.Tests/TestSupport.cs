using System.Text.Json.Serialization.Metadata;
using IdentityStack.Lambda.Runtime;

namespace IdentityStack.Triggers.Tests;

internal static class Fixtures
{
    public static readonly CognitoEventsJsonContext Json = CognitoEventsJsonContext.Default;

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", name));

    public static T Load<T>(string name, JsonTypeInfo<T> type) => JsonSerializer.Deserialize(Text(name), type)!;

    public static TriggerSettings Settings(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return TriggerSettings.FromEnvironment(name => map.TryGetValue(name, out var value) ? value : null);
    }
}

internal sealed class TestContext : ILambdaContext
{
    public string RequestId { get; init; } = "11111111-2222-3333-4444-555555555555";

    public string InvokedFunctionArn => "arn:aws:lambda:eu-west-1:123456789012:function:identity-dev-trigger";

    public string? TraceId => null;

    public DateTimeOffset Deadline => DateTimeOffset.UnixEpoch.AddSeconds(5);

    public TimeSpan RemainingTime { get; init; } = TimeSpan.FromSeconds(5);
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>An in-memory directory that behaves like the conditional put: the first write wins.</summary>
internal sealed class InMemoryDirectory : IIdentityDirectory
{
    public Dictionary<string, UserProfile> Profiles { get; } = new(StringComparer.Ordinal);

    public HashSet<string> SuspendedTenants { get; } = new(StringComparer.Ordinal);

    public HashSet<string> DisabledUsers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MachineClient> MachineClients { get; } = new(StringComparer.Ordinal);

    public int Writes { get; private set; }

    public Task<bool> CreateProfileIfAbsentAsync(UserProfile profile, CancellationToken cancellationToken)
    {
        Writes++;
        return Task.FromResult(Profiles.TryAdd(profile.Sub, profile));
    }

    public Task<bool> IsTenantSuspendedAsync(string tenantId, CancellationToken cancellationToken) => Task.FromResult(SuspendedTenants.Contains(tenantId));

    public Task<StoredProfile> GetProfileAsync(string userSub, CancellationToken cancellationToken) =>
        Task.FromResult(Profiles.TryGetValue(userSub, out var profile)
            ? new StoredProfile(DisabledUsers.Contains(userSub) ? ProfileState.Disabled : ProfileState.Active, profile.TenantId)
            : DisabledUsers.Contains(userSub) ? new StoredProfile(ProfileState.Disabled, null) : StoredProfile.Missing);

    public Task MoveProfileToTenantAsync(string userSub, string? tenantId, CancellationToken cancellationToken)
    {
        Writes++;
        if (Profiles.TryGetValue(userSub, out var profile))
        {
            Profiles[userSub] = profile with { TenantId = tenantId };
        }

        return Task.CompletedTask;
    }

    public Task<MachineClient?> GetMachineClientAsync(string clientId, CancellationToken cancellationToken) =>
        Task.FromResult(MachineClients.TryGetValue(clientId, out var client) ? client : null);
}

internal sealed class InMemoryLegacyUsers(params LegacyUser[] users) : ILegacyUserStore
{
    public Task<LegacyUser?> FindAsync(string userName, CancellationToken cancellationToken) =>
        Task.FromResult(users.FirstOrDefault(u => string.Equals(u.UserName, userName.ToLowerInvariant(), StringComparison.Ordinal)));
}
