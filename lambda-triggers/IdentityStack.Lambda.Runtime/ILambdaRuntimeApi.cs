namespace IdentityStack.Lambda.Runtime;

/// <summary>
/// The four calls of the Lambda Runtime API (<c>/2018-06-01</c>). This is the seam where
/// <c>Amazon.Lambda.RuntimeSupport</c>'s <c>IRuntimeApiClient</c> can replace this project in one change.
/// </summary>
public interface ILambdaRuntimeApi
{
    /// <summary><c>GET /runtime/invocation/next</c>: waits (without a client timeout) for the next event.</summary>
    Task<LambdaInvocation> GetNextInvocationAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/invocation/{id}/response</c>.</summary>
    Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/invocation/{id}/error</c>.</summary>
    Task PostInvocationErrorAsync(string requestId, LambdaError failure, CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/init/error</c>: the function could not start; the process exits afterwards.</summary>
    Task PostInitErrorAsync(LambdaError failure, CancellationToken cancellationToken);
}
