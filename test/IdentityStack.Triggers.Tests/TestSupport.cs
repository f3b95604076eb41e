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

    /// <summary>Reads of profiles and of tenants, in order (what was asked for).</summary>
    public List<string> Reads { get; } = [];

    public Task<bool> IsTenantSuspendedAsync(string tenantId, CancellationToken cancellationToken)
    {
        Reads.Add("TENANT#" + tenantId);
        return Task.FromResult(SuspendedTenants.Contains(tenantId));
    }

    public Task<StoredProfile> GetProfileAsync(string userSub, CancellationToken cancellationToken)
    {
        Reads.Add("USER#" + userSub);
        return Task.FromResult(Profiles.TryGetValue(userSub, out var profile)
            ? new StoredProfile(DisabledUsers.Contains(userSub) ? ProfileState.Disabled : ProfileState.Active, profile.TenantId)
            : DisabledUsers.Contains(userSub) ? new StoredProfile(ProfileState.Disabled, null) : StoredProfile.Missing);
    }

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
    private readonly List<LegacyUser> _users = [.. users];

    /// <summary>The usernames marked migrated, in order.</summary>
    public List<string> Marked { get; } = [];

    public Exception? MarkFailure { get; init; }

    public Task<LegacyUser?> FindAsync(string userName, CancellationToken cancellationToken) =>
        Task.FromResult(_users.FirstOrDefault(u => string.Equals(u.UserName, userName.ToLowerInvariant(), StringComparison.Ordinal)));

    public Task MarkMigratedAsync(string userName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (MarkFailure is not null)
        {
            return Task.FromException(MarkFailure);
        }

        Marked.Add(userName);
        var index = _users.FindIndex(u => string.Equals(u.UserName, userName, StringComparison.Ordinal));
        if (index >= 0)
        {
            _users[index] = _users[index] with { MigratedAt = at };
        }

        return Task.CompletedTask;
    }
}

/// <summary>The developer login's directory in memory: failure counters by key, suspended tenants.</summary>
internal sealed class InMemoryLoginDirectory : IdentityStack.Triggers.Api.IDeveloperLoginDirectory
{
    public Dictionary<string, IdentityStack.Triggers.Api.LoginAttempts> Attempts { get; } = new(StringComparer.Ordinal);

    public HashSet<string> SuspendedTenants { get; } = new(StringComparer.Ordinal);

    public Task<IdentityStack.Triggers.Api.LoginAttempts> GetLoginAttemptsAsync(string userName, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Attempts.GetValueOrDefault(userName, IdentityStack.Triggers.Api.LoginAttempts.None));

    public Task RecordLoginFailureAsync(string userName, DateTimeOffset now, bool startOver, CancellationToken cancellationToken)
    {
        var before = startOver ? 0 : Attempts.GetValueOrDefault(userName, IdentityStack.Triggers.Api.LoginAttempts.None).Failures;
        Attempts[userName] = new(before + 1, now);
        return Task.CompletedTask;
    }

    public int Clears { get; private set; }

    public Task ClearLoginAttemptsAsync(string userName, CancellationToken cancellationToken)
    {
        Clears++;
        Attempts.Remove(userName);
        return Task.CompletedTask;
    }

    public Task<bool> IsTenantSuspendedAsync(string tenantId, CancellationToken cancellationToken) => Task.FromResult(SuspendedTenants.Contains(tenantId));
}

/// <summary>A clock that stands still unless told to move, and answers every delay at once while recording it.</summary>
internal sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public List<TimeSpan> Delays { get; } = [];

    public override DateTimeOffset GetUtcNow() => _now;

    public override long GetTimestamp() => _now.UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by) => _now += by;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        Delays.Add(dueTime);
        _ = ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new DoneTimer();
    }

    private sealed class DoneTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
