using IdentityStack.Lambda.Runtime;

namespace IdentityStack.Triggers;

/// <summary>
/// How long a trigger's calls to its dependencies may take: the invocation's remaining time less a
/// margin for answering. Cognito waits 5 seconds for a trigger, and the functions time out at 5
/// seconds, so a dependency that hangs must not take the whole invocation with it: the trigger
/// answers (refusing, or going on without the call) before Cognito gives up.
/// </summary>
internal static class InvocationBudget
{
    /// <summary>Kept back for writing the answer and for Cognito's own work after the trigger.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(750);

    /// <summary>A token that is cancelled when the budget of <paramref name="context"/> is spent, or with <paramref name="cancellationToken"/>.</summary>
    public static CancellationTokenSource For(ILambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var left = context.RemainingTime - Margin;
        budget.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        return budget;
    }
}
