namespace IdentityStack.Lambda.Runtime;

/// <summary>What a handler knows about the invocation it is serving.</summary>
public interface ILambdaContext
{
    /// <summary>The request id (appears in the function's logs).</summary>
    string RequestId { get; }

    /// <summary>ARN the function was invoked by (may carry a version or alias).</summary>
    string InvokedFunctionArn { get; }

    /// <summary>X-Ray trace header of this invocation, or null.</summary>
    string? TraceId { get; }

    /// <summary>When Lambda stops the invocation.</summary>
    DateTimeOffset Deadline { get; }

    /// <summary>Time left before <see cref="Deadline"/>; never negative.</summary>
    TimeSpan RemainingTime { get; }
}
