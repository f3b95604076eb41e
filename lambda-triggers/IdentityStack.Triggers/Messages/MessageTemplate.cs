using System.Text.Json.Serialization;

namespace IdentityStack.Triggers.Messages;

/// <summary>One message in one language. Placeholders: <c>{code}</c>, <c>{username}</c>.</summary>
internal sealed record MessageTemplate(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("html")] string Html,
    [property: JsonPropertyName("sms")] string Sms);
