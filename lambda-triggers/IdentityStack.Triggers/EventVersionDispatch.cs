using System.Text.Json;
using IdentityStack.Lambda.Runtime;

namespace IdentityStack.Triggers;

/// <summary>
/// Routes an event to a handler by its <c>version</c> field (pre token generation V1, V2 or V3).
/// Cognito sends "1" with V1 events; cognito-local, the emulator of the local end-to-end run,
/// sends its V1-shaped events as "0", so "0" is read as V1 too.
/// </summary>
internal sealed class EventVersionDispatch(ILambdaHandler versionOne, ILambdaHandler versionTwo, ILambdaHandler versionThree) : ILambdaHandler
{
    public ValueTask<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambdaContext context, CancellationToken cancellationToken)
    {
        string? version;
        try
        {
            using var document = JsonDocument.Parse(payload);
            version = document.RootElement.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        }
        catch (JsonException error)
        {
            throw new LambdaEventFormatException("The event is not JSON: " + error.Message, error);
        }

        return version switch
        {
            "0" or "1" => versionOne.InvokeAsync(payload, context, cancellationToken),
            "2" => versionTwo.InvokeAsync(payload, context, cancellationToken),
            "3" => versionThree.InvokeAsync(payload, context, cancellationToken),
            _ => throw new LambdaEventFormatException($"Unsupported pre token generation event version '{version}'; expected \"1\", \"2\" or \"3\"."),
        };
    }
}
