using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IdentityStack.Testing;

/// <summary>
/// Calls cognito-local as the AWS SDK calls Cognito: JSON 1.1 protocol, one POST per operation
/// named in X-Amz-Target; plus the hosted token endpoint. Errors become <see cref="CognitoErrorException"/>.
/// </summary>
internal sealed class CognitoLocalClient(HttpClient http, string url)
{
    private const string TargetPrefix = "AWSCognitoIdentityProviderService.";

    public async Task<JsonObject> CallAsync(string operation, JsonObject request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(url + "/"))
        {
            Content = new StringContent(request.ToJsonString(), Encoding.UTF8),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        message.Headers.Add("X-Amz-Target", TargetPrefix + operation);
        using var response = await http.SendAsync(message).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var json = body.Length == 0 ? [] : JsonNode.Parse(body) as JsonObject ?? [];
        return response.IsSuccessStatusCode
            ? json
            : throw new CognitoErrorException(operation, (string?)json["__type"] ?? response.StatusCode.ToString(), (string?)json["message"] ?? body);
    }

    /// <summary>POST /oauth2/token with a form, as a browser app's token call does.</summary>
    public async Task<JsonObject> TokenEndpointAsync(IReadOnlyDictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri(url + "/oauth2/token"), content).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode && !body.TrimStart().StartsWith('{'))
        {
            // cognito-local answers some failures (a trigger's error, say) with an HTML page.
            throw new CognitoErrorException("oauth2/token", ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), body);
        }

        var json = JsonNode.Parse(body) as JsonObject ?? [];
        return response.IsSuccessStatusCode
            ? json
            : throw new CognitoErrorException("oauth2/token", (string?)json["error"] ?? response.StatusCode.ToString(), (string?)json["error_description"] ?? string.Empty);
    }
}
