using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace IdentityStack.Lambda.Runtime;

/// <summary>
/// A handler of typed events: deserializes with source-generated metadata (Native AOT safe), calls
/// <paramref name="handle"/>, serializes the result. A body that is not the expected JSON becomes a
/// <see cref="LambdaEventFormatException"/> naming the event type.
/// </summary>
public sealed class JsonLambdaHandler<TEvent, TResult>(
    JsonTypeInfo<TEvent> eventType,
    JsonTypeInfo<TResult> resultType,
    Func<TEvent, ILambdaContext, CancellationToken, ValueTask<TResult>> handle) : ILambdaHandler
{
    /// <inheritdoc />
    public async ValueTask<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambdaContext context, CancellationToken cancellationToken)
    {
        TEvent? input;
        try
        {
            input = JsonSerializer.Deserialize(payload.Span, eventType);
        }
        catch (JsonException error)
        {
            throw new LambdaEventFormatException($"The event is not a valid {typeof(TEvent).Name}: {error.Message}", error);
        }

        if (input is null)
        {
            throw new LambdaEventFormatException($"The event is not a valid {typeof(TEvent).Name}: it is null.");
        }

        var result = await handle(input, context, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.SerializeToUtf8Bytes(result, resultType);
    }
}
