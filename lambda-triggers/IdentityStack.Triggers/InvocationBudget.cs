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

    /// <summary>Lambda's longest function timeout: no invocation has more time than this, whatever its deadline says.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(15);

    /// <summary>A token that is cancelled when the budget of <paramref name="context"/> is spent, or with <paramref name="cancellationToken"/>.</summary>
    public static CancellationTokenSource For(ILambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A deadline beyond Lambda's limit is not a real one (CancelAfter refuses spans over about 49 days).
        // Stryker disable once Equality : at RemainingTime == Longest both branches give Longest, so < and <= cannot differ.
        var left = (context.RemainingTime < Longest ? context.RemainingTime : Longest) - Margin;
        if (left > TimeSpan.Zero)
        {
            budget.CancelAfter(left);
        }
        else
        {
            // Nothing left: cancelled now, so that no call even starts (CancelAfter(0) would fire a timer later).
            budget.Cancel();
        }

        return budget;
    }
}
