using System.Text.Json.Serialization;
using IdentityStack.Lambda.Runtime;

namespace IdentityStack.Lambda.Tests.Runtime;

internal sealed record Greeting(string Name);

internal sealed record Reply(string Message, string RequestId, long RemainingMs, string? TraceVariable);

[JsonSerializable(typeof(Greeting))]
[JsonSerializable(typeof(Reply))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

/// <summary>A fixed clock: remaining time becomes exact.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal static class TestHandlers
{
    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    public static ILambdaHandler Greeter() => new JsonLambdaHandler<Greeting, Reply>(
        TestJsonContext.Default.Greeting,
        TestJsonContext.Default.Reply,
        (greeting, context, _) =>
        {
            if (string.Equals(greeting.Name, "boom", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the handler failed on purpose");
            }

            return ValueTask.FromResult(new Reply(
                "hello " + greeting.Name,
                context.RequestId,
                (long)context.RemainingTime.TotalMilliseconds,
                Environment.GetEnvironmentVariable(LambdaBootstrap.TraceIdVariable)));
        });

    public static IReadOnlyDictionary<string, Func<ILambdaHandler>> Registry(Func<ILambdaHandler>? failing = null)
    {
        var handlers = new Dictionary<string, Func<ILambdaHandler>>(StringComparer.Ordinal) { ["greeter"] = Greeter };
        if (failing is not null)
        {
            handlers["failing"] = failing;
        }

        return handlers;
    }
}
