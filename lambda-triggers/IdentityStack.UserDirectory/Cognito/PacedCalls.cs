namespace IdentityStack.UserDirectory.Cognito;

/// <summary>
/// How calls to Cognito are made under its per-account quotas: at most
/// <see cref="CallPacing.RequestsPerSecond"/> a second, and a call Cognito throttled (or failed
/// internally) tried again after a random wait up to a back-off that doubles from
/// <see cref="CallPacing.FirstBackOff"/> to <see cref="CallPacing.MaxBackOff"/>, up to
/// <see cref="CallPacing.MaxAttempts"/> attempts; any other refusal is raised at once.
/// </summary>
public sealed class PacedCalls(CallPacing pacing, TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _nextCall = DateTimeOffset.MinValue;

    /// <summary>Calls made so far (retries included).</summary>
    public long Calls { get; private set; }

    /// <summary>Calls that were refused for a reason waiting can mend, and retried.</summary>
    public long Throttled { get; private set; }

    /// <summary>Runs <paramref name="call"/> paced, retrying what waiting can mend.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var backOff = pacing.FirstBackOff;
        for (var attempt = 1; ; attempt++)
        {
            await PaceAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                Calls++;
                return await call().ConfigureAwait(false);
            }
            catch (UserPoolCallException error) when (error.IsRetryable && attempt < pacing.MaxAttempts)
            {
                Throttled++;
                // Full jitter: a random wait up to the current back-off, so that parallel callers spread out.
                var wait = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * backOff.TotalMilliseconds);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                backOff = TimeSpan.FromMilliseconds(Math.Min(backOff.TotalMilliseconds * 2, pacing.MaxBackOff.TotalMilliseconds));
            }
        }
    }

    /// <summary>Waits until the next call is allowed.</summary>
    private async Task PaceAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset slot;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            // Stryker disable once Equality : when the next slot is now, either branch takes now.
            slot = _nextCall > now ? _nextCall : now;
            _nextCall = slot + TimeSpan.FromSeconds(1 / pacing.RequestsPerSecond);
        }

        var wait = slot - time.GetUtcNow();
        // Stryker disable once Equality : a wait of zero is no wait either way.
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
