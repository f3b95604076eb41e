using IdentityStack.UserDirectory.Cognito;

namespace IdentityStack.UserDirectory.Tests;

internal static class TestPacing
{
    /// <summary>No waiting between calls or before retries: the tests count calls, not seconds.</summary>
    public static readonly CallPacing Fast = new() { RequestsPerSecond = 1_000_000, FirstBackOff = TimeSpan.Zero, MaxBackOff = TimeSpan.Zero, MaxAttempts = 4 };

    public static UserPoolAdmin Admin(FakeUserPool pool) => new(pool, FakeUserPool.PoolId, Fast, TimeProvider.System);
}
