namespace IdentityStack.EndToEnd.Tests;

/// <summary>What the runtime posted for one invocation: the response, or an error with its type.</summary>
internal sealed record InvocationResult(bool IsError, string Body, string? ErrorType);
