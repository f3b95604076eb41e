using System.Text.Json;
using Constructs;

namespace IdentityStack.App.Configuration;

/// <summary>Reads context values (cdk.json, cdk.context.json, -c flags) as JSON.</summary>
internal static class CdkContext
{
    /// <summary>The context value at <paramref name="key"/> as JSON, or null when it is not set.</summary>
    public static JsonElement? Json(Node node, string key)
    {
        var value = node.TryGetContext(key);
        return value switch
        {
            null => null,
            JsonElement element => element,
            string text when LooksLikeJson(text) => JsonDocument.Parse(text).RootElement.Clone(),
            _ => JsonSerializer.SerializeToElement(value),
        };
    }

    /// <summary>The context value at <paramref name="key"/> as a string, or null when it is not set.</summary>
    public static string? String(Node node, string key) => node.TryGetContext(key)?.ToString();

    private static bool LooksLikeJson(string text) => text.TrimStart() is ['{', ..] or ['[', ..];
}
