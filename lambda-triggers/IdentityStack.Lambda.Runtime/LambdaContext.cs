namespace IdentityStack.Lambda.Runtime;

/// <summary>The context of one <see cref="LambdaInvocation"/>, with remaining time from a <see cref="TimeProvider"/>.</summary>
internal sealed class LambdaContext(LambdaInvocation invocation, TimeProvider time) : ILambdaContext
{
    public string RequestId => invocation.RequestId;

    public string InvokedFunctionArn => invocation.InvokedFunctionArn;

    public string? TraceId => invocation.TraceId;

    public DateTimeOffset Deadline => invocation.Deadline;

    public TimeSpan RemainingTime
    {
        get
        {
            var left = Deadline - time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }
}
