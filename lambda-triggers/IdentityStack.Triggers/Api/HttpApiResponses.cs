using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace IdentityStack.Triggers.Api;

/// <summary>The backend's answers: a JSON body and a status, errors as <see cref="ErrorResponse"/>.</summary>
internal static class HttpApiResponses
{
    public static HttpApiResponse Ok<T>(int status, T body, JsonTypeInfo<T> type) => new() { StatusCode = status, Body = JsonSerializer.Serialize(body, type) };

    public static HttpApiResponse Error(int status, string code, string message) =>
        new() { StatusCode = status, Body = JsonSerializer.Serialize(new ErrorResponse(code, message), ApiJsonContext.Default.ErrorResponse) };

    /// <summary>The request body as text (API Gateway base64-encodes some bodies), or null when there is none.</summary>
    public static string? BodyText(HttpApiRequest request) =>
        request.IsBase64Encoded && request.Body is not null ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(request.Body)) : request.Body;
}
