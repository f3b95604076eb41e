using IdentityStack.Lambda.Runtime;

namespace IdentityStack.Triggers;

/// <summary>
/// Wraps a Cognito trigger so that only deliberate refusals reach the user. Cognito shows a failed
/// trigger's error message to the user as "&lt;Trigger&gt; failed with error &lt;message&gt;.": a
/// <see cref="TriggerRejectedException"/> is worded for that and passes through; any other error (a
/// DynamoDB exception naming a table, a bug, a malformed event) is written to the log in full, as one
/// JSON line with the request id, and the user gets <see cref="TriggerFailedException"/>'s generic
/// message with the same request id. A refusal that carries a log note (and metric) is also
/// written as a warning line, so that operators see and count it.
/// </summary>
internal sealed class UserFacingErrors(string trigger, ILambdaHandler inner, TextWriter log) : ILambdaHandler
{
    public async ValueTask<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await inner.InvokeAsync(payload, context, cancellationToken).ConfigureAwait(false);
        }
        catch (TriggerRejectedException refusal)
        {
            if (refusal.LogNote is { } note)
            {
                await log.WriteLineAsync(TriggerErrorLog.Line(TriggerErrorLog.Warning, trigger, context.RequestId, null, note, refusal.Metric)).ConfigureAwait(false);
            }

            throw;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await log.WriteLineAsync(TriggerErrorLog.Line(TriggerErrorLog.Error, trigger, context.RequestId, error)).ConfigureAwait(false);
            throw TriggerFailedException.For(context.RequestId);
        }
    }
}
