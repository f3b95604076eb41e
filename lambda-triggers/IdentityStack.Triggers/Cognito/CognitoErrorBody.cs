using System.Text.Json.Serialization;

namespace IdentityStack.Triggers.Cognito;

/// <summary>Cognito's error body: <c>{"__type": "...", "message": "..."}</c>.</summary>
internal sealed record CognitoErrorBody
{
    [JsonPropertyName("__type")]
    public string? Type { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
