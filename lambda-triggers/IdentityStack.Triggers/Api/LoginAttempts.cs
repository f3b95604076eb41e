namespace IdentityStack.Triggers.Api;

/// <summary>
/// The developer login's failures for one username: after <see cref="FreeFailures"/> failures the
/// username is locked, for a minute after the fifth and twice as long after each further one, at
/// most <see cref="LongestLock"/>; the count starts over <see cref="Window"/> after the last failure.
/// So one username takes about 30 guesses a day, however many callers share the route's throttle.
/// </summary>
internal sealed record LoginAttempts(int Failures, DateTimeOffset? LastFailureAt)
{
    /// <summary>Failures allowed before the first lock.</summary>
    public const int FreeFailures = 5;

    /// <summary>No failures recorded (or the last is older than the window).</summary>
    public static readonly LoginAttempts None = new(0, null);

    /// <summary>How long failures are remembered after the last one.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>The longest lock.</summary>
    public static readonly TimeSpan LongestLock = TimeSpan.FromHours(1);

    /// <summary>Until when the username is locked, or null when it is not.</summary>
    public DateTimeOffset? LockedUntil =>
        Failures >= FreeFailures && LastFailureAt is { } last
            ? last + TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Min(Failures - FreeFailures, 16)), LongestLock.TotalMinutes))
            : null;

    /// <summary>Whether the username is locked at <paramref name="now"/>.</summary>
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
