using System.Text.Json.Serialization;

namespace IdentityStack.Lambda.Runtime;

/// <summary>The error body the Runtime API takes: <c>{"errorMessage","errorType","stackTrace"}</c>.</summary>
public sealed record LambdaError(
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string> StackTrace)
{
    /// <summary>The error of an exception: its message, its type name and its stack frames.</summary>
    public static LambdaError From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var frames = exception.StackTrace?
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return new LambdaError(exception.Message, exception.GetType().Name, frames);
    }
}
