using System.Text.Json;
using Constructs;

namespace IdentityStack.App.Configuration;

/// <summary>
/// Reads context values (cdk.json, cdk.context.json, -c flags) as JSON.
/// The CDK CLI hands the app its context as JSON in <c>CDK_CONTEXT_JSON</c> (and, when that is too
/// large for the environment, the rest in the file named by <c>CONTEXT_OVERFLOW_LOCATION_ENV</c>).
/// Those are read here as they are: jsii's conversion of <see cref="Node.TryGetContext"/> cannot carry
/// some JSON into .NET (a <c>null</c> inside an array aborts the process), and a configuration
/// mistake must end in a message that names it, not in a crash. Context set in code (tests,
/// <c>AppProps.Context</c>) is read through the node.
/// </summary>
internal static class CdkContext
{
    private const string ContextVariable = "CDK_CONTEXT_JSON";
    private const string OverflowVariable = "CONTEXT_OVERFLOW_LOCATION_ENV";

    private static readonly Lazy<JsonElement?> CliContext = new(ReadCliContext);

    /// <summary>The context value at <paramref name="key"/> as JSON, or null when it is not set.</summary>
    public static JsonElement? Json(Node node, string key)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (CliContext.Value is { } cli && cli.TryGetProperty(key, out var raw))
        {
            return raw.ValueKind == JsonValueKind.String && LooksLikeJson(raw.GetString()!) ? Parse(key, raw.GetString()!) : raw;
        }

        object? value;
        try
        {
            value = node.TryGetContext(key);
        }
        catch (ArgumentException)
        {
            throw Unreadable(key, "a value the CDK cannot pass to .NET (a null inside an array?)");
        }

        return value switch
        {
            null => null,
            JsonElement element => element,
            string text when LooksLikeJson(text) => Parse(key, text),
            _ => JsonSerializer.SerializeToElement(value),
        };
    }

    /// <summary>The context value at <paramref name="key"/> as a string (JSON text when it is not a string), or null when it is not set.</summary>
    public static string? String(Node node, string key) =>
        Json(node, key) is { } value ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()) : null;

    private static JsonElement? ReadCliContext()
    {
        var text = System.Environment.GetEnvironmentVariable(ContextVariable);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // Values are spliced as their raw JSON text: re-serializing would reject what the readers
        // must see and refuse themselves (an unpaired surrogate escape inside a string, say).
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        AddProperties(merged, ParseObject(ContextVariable, text));
        if (System.Environment.GetEnvironmentVariable(OverflowVariable) is { Length: > 0 } overflowFile && File.Exists(overflowFile))
        {
            AddProperties(merged, ParseObject(overflowFile, File.ReadAllText(overflowFile)));
        }

        return Parse(ContextVariable, "{" + string.Join(",", merged.Values) + "}");
    }

    private static void AddProperties(Dictionary<string, string> into, JsonElement source)
    {
        try
        {
            foreach (var property in source.EnumerateObject())
            {
                // The property's own text ("name": value), escapes and all.
                into[property.Name] = JsonSerializer.Serialize(property.Name) + ":" + property.Value.GetRawText();
            }
        }
        catch (InvalidOperationException)
        {
            throw Unreadable(ContextVariable, "a context key that is not valid Unicode");
        }
    }

    private static JsonElement ParseObject(string source, string text)
    {
        var element = Parse(source, text);
        return element.ValueKind == JsonValueKind.Object ? element : throw Unreadable(source, "JSON that is not an object");
    }

    private static JsonElement Parse(string key, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw Unreadable(key, "text that is not valid JSON (" + error.Message + ")");
        }
    }

    private static StageConfigException Unreadable(string key, string what) =>
        new([new ConfigProblem(key, what, "check the value in cdk.json or the -c option: it must be valid JSON without null items in arrays.")]);

    private static bool LooksLikeJson(string text) => text.TrimStart() is ['{', ..] or ['[', ..];
}
