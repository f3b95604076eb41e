using System.Text.Json;
using IdentityStack.Lambda.Runtime;

namespace IdentityStack.Triggers;

/// <summary>
/// Wraps a Cognito trigger so that only deliberate refusals reach the user. Cognito shows a failed
/// trigger's error message to the user as "&lt;Trigger&gt; failed with error &lt;message&gt;.": a
/// <see cref="TriggerRejectedException"/> is worded for that and passes through; any other error (a
/// DynamoDB exception naming a table, a bug, a malformed event) is written to the log in full, as one
/// JSON line with the request id, and the user gets <see cref="TriggerFailedException"/>'s generic
/// message with the same request id.
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
        catch (TriggerRejectedException)
        {
            throw;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await log.WriteLineAsync(Describe(trigger, context.RequestId, error)).ConfigureAwait(false);
            throw TriggerFailedException.For(context.RequestId);
        }
    }

    /// <summary>One JSON line: level, trigger, request id, error type, message, stack trace.</summary>
    private static string Describe(string trigger, string requestId, Exception error)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps quotes and apostrophes readable in CloudWatch; the line is never HTML.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("level", "ERROR");
            json.WriteString("trigger", trigger);
            json.WriteString("requestId", requestId);
            json.WriteString("errorType", error.GetType().FullName);
            json.WriteString("errorMessage", error.Message);
            json.WriteString("stackTrace", error.ToString());
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
