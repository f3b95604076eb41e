namespace IdentityStack.Lambda.Runtime;

/// <summary>A function handler: raw event bytes in, raw response bytes out.</summary>
public interface ILambdaHandler
{
    /// <summary>Handles one event. Throwing reports an invocation error to Lambda (the caller sees the message).</summary>
    ValueTask<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambdaContext context, CancellationToken cancellationToken);
}
