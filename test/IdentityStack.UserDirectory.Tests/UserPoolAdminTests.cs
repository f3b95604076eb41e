using IdentityStack.UserDirectory.Cognito;

namespace IdentityStack.UserDirectory.Tests;

public sealed class UserPoolAdminTests
{
    [Fact]
    public async Task Throttling_beyond_the_attempts_allowed_raises_cognitos_error()
    {
        var pool = new FakeUserPool { ThrottleNext = 10 };
        var admin = TestPacing.Admin(pool);

        var error = await Assert.ThrowsAsync<UserPoolCallException>(() => admin.ListUsersAsync(null, CancellationToken.None));

        Assert.Equal("TooManyRequestsException", error.ErrorType);
        Assert.Equal(TestPacing.Fast.MaxAttempts, pool.Calls.Count);
        Assert.Equal(TestPacing.Fast.MaxAttempts, admin.Calls);
        Assert.Equal(TestPacing.Fast.MaxAttempts - 1, admin.Throttled);
    }

    [Fact]
    public async Task A_refusal_that_waiting_cannot_mend_is_raised_at_once()
    {
        var pool = new FakeUserPool();
        pool.Add("alice", "alice@example.com");
        var admin = TestPacing.Admin(pool);

        var error = await Assert.ThrowsAsync<UserPoolCallException>(() => admin.CreateUserAsync("alice", new Dictionary<string, string>(StringComparer.Ordinal), "x", CancellationToken.None));

        Assert.Equal("UsernameExistsException", error.ErrorType);
        Assert.Single(pool.Calls);
    }

    [Fact]
    public async Task Calls_are_spaced_to_the_requests_per_second_allowed()
    {
        var time = new ManualTime();
        var pool = new FakeUserPool();
        var admin = new UserPoolAdmin(pool, FakeUserPool.PoolId, new CallPacing { RequestsPerSecond = 2 }, time);

        await admin.ListGroupsAsync(null, CancellationToken.None);
        var second = admin.ListGroupsAsync(null, CancellationToken.None);

        // The second call waits half a second of the (manual) clock.
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, pool.Calls.Count);
    }

    [Fact]
    public async Task Every_call_names_the_pool_and_pages_by_the_token_cognito_gave()
    {
        var pool = new FakeUserPool();
        for (var i = 0; i < 61; i++)
        {
            pool.Add($"u{i:D2}");
        }

        var all = await UserPoolAdmin.AllAsync(next => TestPacing.Admin(pool).ListUsersAsync(next, CancellationToken.None));

        Assert.Equal(61, all.Count);
        Assert.Equal(2, pool.Calls.Count);
        Assert.All(pool.Calls, c => Assert.Equal(FakeUserPool.PoolId, (string?)c.Body["UserPoolId"]));
        Assert.All(pool.Calls, c => Assert.Equal(60, (int?)c.Body["Limit"]));
        Assert.Null(pool.Calls[0].Body["PaginationToken"]);
        Assert.Equal("page-60", (string?)pool.Calls[1].Body["PaginationToken"]);
    }

    /// <summary>A clock moved by hand; timers fire when it passes their time.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private readonly List<(DateTimeOffset Due, TimerCallback Callback, object? State)> _timers = [];
        private DateTimeOffset _now = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by)
        {
            _now += by;
            foreach (var timer in _timers.Where(t => t.Due <= _now).ToList())
            {
                _timers.Remove(timer);
                timer.Callback(timer.State);
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _timers.Add((_now + dueTime, callback, state));
            return new NoTimer();
        }

        private sealed class NoTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
