namespace IdentityStack.Triggers.Tests;

public sealed class InvocationBudgetTests
{
    [Fact]
    public async Task The_budget_is_the_remaining_time_less_the_margin()
    {
        using var budget = InvocationBudget.For(new TestContext { RemainingTime = InvocationBudget.Margin + TimeSpan.FromMilliseconds(50) }, CancellationToken.None);

        Assert.False(budget.IsCancellationRequested);
        await Task.Delay(TimeSpan.FromSeconds(5), budget.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.True(budget.IsCancellationRequested);
    }

    [Fact]
    public void A_deadline_already_inside_the_margin_leaves_no_budget()
    {
        using var budget = InvocationBudget.For(new TestContext { RemainingTime = TimeSpan.FromMilliseconds(100) }, CancellationToken.None);

        Assert.True(budget.IsCancellationRequested);
    }

    [Theory]
    [InlineData(400.0)]
    [InlineData(100_000.0)]
    public void A_deadline_beyond_lambdas_limit_is_held_to_the_limit_rather_than_failing_the_invocation(double days)
    {
        // A Runtime API that sends a deadline years ahead (no real one does) must not make every call throw.
        using var budget = InvocationBudget.For(new TestContext { RemainingTime = TimeSpan.FromDays(days) }, CancellationToken.None);

        Assert.False(budget.IsCancellationRequested);
    }

    [Fact]
    public async Task The_invocations_own_cancellation_cancels_the_budget()
    {
        using var invocation = new CancellationTokenSource();
        using var budget = InvocationBudget.For(new TestContext(), invocation.Token);

        await invocation.CancelAsync();

        Assert.True(budget.IsCancellationRequested);
    }

    // Exactly the margin left: nothing to spend, so cancelled at once (a timer of zero would let a call start).
    [Fact]
    public void Exactly_the_margin_left_is_no_budget()
    {
        using var budget = InvocationBudget.For(new TestContext { RemainingTime = InvocationBudget.Margin }, CancellationToken.None);

        Assert.True(budget.IsCancellationRequested);
    }
}
