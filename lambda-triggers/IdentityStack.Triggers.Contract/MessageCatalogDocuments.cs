using System.Text.Json;

namespace IdentityStack.Triggers.Contract;

/// <summary>
/// The message catalogue's documents (<c>Messages/{language}.json</c>, embedded here): the custom
/// message trigger sends from them in the user's language, and the CDK takes the pool's own default
/// texts (e.g. the email MFA message) from the English one, so both say the same.
/// </summary>
public static class MessageCatalogDocuments
{
    /// <summary>The fallback language, which every message has.</summary>
    public const string DefaultLanguage = "en";

    private const string ResourcePrefix = "messages.";
    private const string ResourceSuffix = ".json";

    /// <summary>Every language the catalogue has a document for.</summary>
    public static IReadOnlyList<string> Languages { get; } =
        [.. typeof(MessageCatalogDocuments).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^ResourceSuffix.Length])];

    /// <summary>The document of <paramref name="language"/>; the caller disposes it.</summary>
    public static Stream Open(string language) =>
        typeof(MessageCatalogDocuments).Assembly.GetManifestResourceStream(ResourcePrefix + language + ResourceSuffix)
        ?? throw new InvalidOperationException($"The message catalogue has no Messages/{language}.json.");

    /// <summary>One text of one message in the default language, e.g. ("Authentication", "subject").</summary>
    public static string DefaultText(string message, string part)
    {
        using var stream = Open(DefaultLanguage);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.TryGetProperty(message, out var template) && template.TryGetProperty(part, out var text) && text.GetString() is { } value
            ? value
            : throw new InvalidOperationException($"Messages/{DefaultLanguage}.json has no {message}.{part}.");
    }
}
