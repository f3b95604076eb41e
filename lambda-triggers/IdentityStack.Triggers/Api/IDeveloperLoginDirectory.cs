namespace IdentityStack.Triggers.Api;

/// <summary>What the developer login keeps and reads in the directory: failure counters by username, and tenant suspensions.</summary>
internal interface IDeveloperLoginDirectory
{
    /// <summary>The username's failures (<see cref="LoginAttempts.None"/> when none are remembered).</summary>
    Task<LoginAttempts> GetLoginAttemptsAsync(string userName, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Counts one more failure for the username (starting over when <paramref name="startOver"/>), remembered for <see cref="LoginAttempts.Window"/>.</summary>
    Task RecordLoginFailureAsync(string userName, DateTimeOffset now, bool startOver, CancellationToken cancellationToken);

    /// <summary>Forgets the username's failures (after the right password).</summary>
    Task ClearLoginAttemptsAsync(string userName, CancellationToken cancellationToken);

    /// <summary>Whether the tenant is suspended (an unknown tenant is not).</summary>
    Task<bool> IsTenantSuspendedAsync(string tenantId, CancellationToken cancellationToken);
}
