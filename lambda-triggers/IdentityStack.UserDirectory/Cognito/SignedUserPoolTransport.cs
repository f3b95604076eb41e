using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using IdentityStack.Triggers.Cognito;

namespace IdentityStack.UserDirectory.Cognito;

/// <summary>
/// The user pools JSON protocol signed with AWSSDK.Core's SigV4 signer and the caller's credentials
/// (the tools: the standard credential chain), at the regional endpoint or the one in
/// <see cref="EndpointVariable"/>, as the AWS SDKs honour it.
/// </summary>
public sealed class SignedUserPoolTransport(HttpClient http, Uri endpoint, RegionEndpoint region, Func<AWSCredentials> credentials) : IUserPoolTransport
{
    /// <summary>The SDKs' service-specific endpoint variable.</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER";

    private const string Service = "cognito-idp";

    /// <summary>The transport for <paramref name="regionName"/>, with the endpoint <paramref name="environment"/> names if any.</summary>
    public static SignedUserPoolTransport For(HttpClient http, string regionName, Func<string, string?> environment, Func<AWSCredentials> credentials)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var endpoint = environment(EndpointVariable) is { Length: > 0 } custom ? new Uri(custom.TrimEnd('/') + "/") : new Uri($"https://{Service}.{regionName}.amazonaws.com/");
        return new SignedUserPoolTransport(http, endpoint, RegionEndpoint.GetBySystemName(regionName), credentials);
    }

    /// <inheritdoc />
    public async Task<string> PostAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        using var request = SignedJsonRequest.Create(endpoint, "AWSCognitoIdentityProviderService." + operation, body, credentials(), region, Service, DateTime.UtcNow);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return text;
        }

        string? type = null;
        string? message = null;
        try
        {
            using var error = JsonDocument.Parse(text);
            if (error.RootElement.ValueKind == JsonValueKind.Object)
            {
                type = error.RootElement.TryGetProperty("__type", out var t) ? t.GetString() : null;
                message = error.RootElement.TryGetProperty("message", out var m) ? m.GetString() : error.RootElement.TryGetProperty("Message", out var m2) ? m2.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Not a Cognito error body: the status says enough.
        }

        throw new UserPoolCallException(type?.Split('#')[^1] ?? $"HTTP {(int)response.StatusCode}", $"{operation}: {message ?? text}");
    }
}
