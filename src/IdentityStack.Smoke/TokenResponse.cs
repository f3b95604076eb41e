using System.Text.Json.Serialization;

namespace IdentityStack.Smoke;

/// <summary>The token endpoint's answer.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("error")] string? Error);
