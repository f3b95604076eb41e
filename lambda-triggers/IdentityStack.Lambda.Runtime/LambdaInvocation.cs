namespace IdentityStack.Lambda.Runtime;

/// <summary>One event handed out by <c>GET /runtime/invocation/next</c>, with the headers that describe it.</summary>
/// <param name="RequestId"><c>Lambda-Runtime-Aws-Request-Id</c>.</param>
/// <param name="Deadline"><c>Lambda-Runtime-Deadline-Ms</c>, as a point in time.</param>
/// <param name="InvokedFunctionArn"><c>Lambda-Runtime-Invoked-Function-Arn</c>.</param>
/// <param name="TraceId"><c>Lambda-Runtime-Trace-Id</c>, or null.</param>
/// <param name="ClientContext"><c>Lambda-Runtime-Client-Context</c> (mobile SDK callers), or null.</param>
/// <param name="CognitoIdentity"><c>Lambda-Runtime-Cognito-Identity</c> (mobile SDK callers), or null.</param>
/// <param name="Payload">The event body.</param>
public sealed record LambdaInvocation(
    string RequestId,
    DateTimeOffset Deadline,
    string InvokedFunctionArn,
    string? TraceId,
    string? ClientContext,
    string? CognitoIdentity,
    ReadOnlyMemory<byte> Payload);
