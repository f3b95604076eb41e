using System.Text.Json;
using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Triggers.Messages;

/// <summary>
/// The message templates shipped in <c>Messages/{language}.json</c> (embedded), checked when loaded:
/// every language covers every custom-message trigger source, every message carries the code, and
/// invitations carry the username.
/// </summary>
internal sealed class MessageCatalog
{
    public const string DefaultLanguage = "en";
    public const string CodePlaceholder = "{code}";
    public const string UserNamePlaceholder = "{username}";
    private const string TriggerSourcePrefix = "CustomMessage_";

    /// <summary>Every custom-message trigger source the catalog must cover, without the prefix.</summary>
    public static readonly IReadOnlyList<string> MessageKinds =
    [
        .. new[]
        {
            CognitoTriggerSources.CustomMessageSignUp, CognitoTriggerSources.CustomMessageAdminCreateUser,
            CognitoTriggerSources.CustomMessageResendCode, CognitoTriggerSources.CustomMessageForgotPassword,
            CognitoTriggerSources.CustomMessageUpdateUserAttribute, CognitoTriggerSources.CustomMessageVerifyUserAttribute,
            CognitoTriggerSources.CustomMessageAuthentication,
        }.Select(KindOf),
    ];

    private readonly Dictionary<string, Dictionary<string, MessageTemplate>> _languages;

    private MessageCatalog(Dictionary<string, Dictionary<string, MessageTemplate>> languages) => _languages = languages;

    public IEnumerable<string> Languages => _languages.Keys;

    /// <summary>Loads the embedded catalog; throws naming the file and message at fault.</summary>
    /// <remarks>
    /// Read with <see cref="JsonDocument"/> rather than serializer metadata: building that metadata on
    /// first use is a measurable share of the custom message function's cold start (./build.sh bench).
    /// </remarks>
    public static MessageCatalog LoadEmbedded()
    {
        var languages = new Dictionary<string, Dictionary<string, MessageTemplate>>(StringComparer.Ordinal);
        foreach (var language in MessageCatalogDocuments.Languages)
        {
            using var stream = MessageCatalogDocuments.Open(language);
            languages[language] = Read(stream, language);
        }

        return Create(languages);
    }

    public static MessageCatalog Create(Dictionary<string, Dictionary<string, MessageTemplate>> languages)
    {
        var problems = new List<string>();
        if (!languages.ContainsKey(DefaultLanguage))
        {
            problems.Add($"Messages/{DefaultLanguage}.json is missing; it is the fallback language.");
        }

        foreach (var (language, messages) in languages)
        {
            foreach (var kind in MessageKinds)
            {
                if (!messages.TryGetValue(kind, out var template))
                {
                    problems.Add($"Messages/{language}.json has no '{kind}' message.");
                    continue;
                }

                var isInvitation = string.Equals(kind, KindOf(CognitoTriggerSources.CustomMessageAdminCreateUser), StringComparison.Ordinal);
                foreach (var (part, text) in new[] { ("text", template.Text), ("html", template.Html), ("sms", template.Sms) })
                {
                    if (!text.Contains(CodePlaceholder, StringComparison.Ordinal))
                    {
                        problems.Add($"Messages/{language}.json '{kind}' {part} lacks {CodePlaceholder}; Cognito refuses messages without the code.");
                    }

                    if (isInvitation && !text.Contains(UserNamePlaceholder, StringComparison.Ordinal))
                    {
                        problems.Add($"Messages/{language}.json '{kind}' {part} lacks {UserNamePlaceholder}; an invitation must tell the username.");
                    }
                }
            }
        }

        return problems.Count == 0
            ? new MessageCatalog(languages)
            : throw new InvalidOperationException("Invalid message templates: " + string.Join(" ", problems));
    }

    /// <summary>One language's document: an object of messages, each with its four texts; throws naming the file and message at fault.</summary>
    internal static Dictionary<string, MessageTemplate> Read(Stream stream, string language)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(stream);
        }
        catch (JsonException invalid)
        {
            throw new InvalidOperationException($"Messages/{language}.json is not valid JSON: {invalid.Message}", invalid);
        }

        using var owned = parsed;
        var document = parsed.RootElement;
        if (document.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"Messages/{language}.json is not an object of messages.");
        }

        var messages = new Dictionary<string, MessageTemplate>(StringComparer.Ordinal);
        foreach (var message in document.EnumerateObject())
        {
            string Part(string part) =>
                message.Value.ValueKind == JsonValueKind.Object && message.Value.TryGetProperty(part, out var text) && text.ValueKind == JsonValueKind.String
                    ? text.GetString()!
                    : throw new InvalidOperationException($"Messages/{language}.json '{message.Name}' has no string \"{part}\".");

            messages[message.Name] = new MessageTemplate(Part("subject"), Part("text"), Part("html"), Part("sms"));
        }

        return messages;
    }

    /// <summary>The template for a trigger source in the user's language (from a locale such as "de-DE"), falling back to English.</summary>
    public MessageTemplate For(string triggerSource, string? locale)
    {
        var kind = KindOf(triggerSource);
        var language = LanguageOf(locale);
        if (_languages.TryGetValue(language, out var messages) && messages.TryGetValue(kind, out var template))
        {
            return template;
        }

        return _languages[DefaultLanguage].TryGetValue(kind, out var fallback)
            ? fallback
            : throw new LambdaEventFormatException($"No message for trigger source '{triggerSource}'.");
    }

    public static string LanguageOf(string? locale) =>
        string.IsNullOrWhiteSpace(locale) ? DefaultLanguage : locale.Split('-', '_')[0].Trim().ToLowerInvariant();

    private static string KindOf(string triggerSource) =>
        triggerSource.StartsWith(TriggerSourcePrefix, StringComparison.Ordinal) ? triggerSource[TriggerSourcePrefix.Length..] : triggerSource;
}
