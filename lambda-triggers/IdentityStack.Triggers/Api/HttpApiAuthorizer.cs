using System.Text.Json.Serialization;

namespace IdentityStack.Triggers.Api;

/// <summary><c>requestContext.authorizer</c>.</summary>
internal sealed record HttpApiAuthorizer
{
    [JsonPropertyName("jwt")]
    public HttpApiJwt? Jwt { get; init; }
}
