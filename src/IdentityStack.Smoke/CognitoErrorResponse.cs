using System.Text.Json.Serialization;

namespace IdentityStack.Smoke;

/// <summary>A Cognito error answer.</summary>
internal sealed record CognitoErrorResponse([property: JsonPropertyName("__type")] string? Type, [property: JsonPropertyName("message")] string? Message);
