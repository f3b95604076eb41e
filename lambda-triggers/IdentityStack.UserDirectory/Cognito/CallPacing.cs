namespace IdentityStack.UserDirectory.Cognito;

/// <summary>
/// How hard the tools lean on Cognito's per-account request quotas: at most
/// <see cref="RequestsPerSecond"/> calls a second, and a throttled or failed call retried with
/// exponential back-off and jitter (from <see cref="FirstBackOff"/>, doubling, at most
/// <see cref="MaxBackOff"/>) up to <see cref="MaxAttempts"/> attempts.
/// </summary>
public sealed record CallPacing
{
    /// <summary>Calls per second across all operations. Default 10: a third of the UserList category's default quota, the rest left to the applications.</summary>
    public double RequestsPerSecond { get; init; } = 10;

    /// <summary>The first wait after a throttled call.</summary>
    public TimeSpan FirstBackOff { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between attempts.</summary>
    public TimeSpan MaxBackOff { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Attempts of one call before its error is raised.</summary>
    public int MaxAttempts { get; init; } = 8;
}
