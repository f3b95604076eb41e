using System.Text.Json;
using Amazon;
using Amazon.Runtime;

namespace IdentityStack.Triggers.Cognito;

/// <summary>
/// A Cognito service's JSON protocol (x-amz-json-1.1): POST a body with an <c>X-Amz-Target</c>,
/// signed with AWSSDK.Core's SigV4 signer (already in the binary for DynamoDB, and trim-safe under
/// Native AOT). The services' own SDK packages are not served here; this is what they would do.
/// </summary>
internal sealed class CognitoJsonClient(HttpClient http, Uri endpoint, RegionEndpoint region, string service, Func<AWSCredentials> credentials, TimeProvider time)
{
    /// <summary>
    /// The service's regional endpoint, or the one in <paramref name="endpointVariable"/> (the SDKs'
    /// service-specific variable, honoured as they do), with the function's credentials as Lambda
    /// puts them in the environment.
    /// </summary>
    public static CognitoJsonClient FromEnvironment(HttpClient http, Func<string, string?> environment, string service, string endpointVariable)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var region = environment("AWS_REGION") ?? throw new InvalidOperationException("AWS_REGION is not set.");
        var endpoint = environment(endpointVariable) is { Length: > 0 } custom ? new Uri(custom.TrimEnd('/') + "/") : new Uri($"https://{service}.{region}.amazonaws.com/");
        return new CognitoJsonClient(http, endpoint, RegionEndpoint.GetBySystemName(region), service, () => CredentialsFrom(environment), TimeProvider.System);
    }

    /// <summary>Calls <paramref name="target"/> with <paramref name="body"/>; the response body, or <see cref="CognitoServiceException"/> with the service's error type.</summary>
    public async Task<string> PostAsync(string target, byte[] body, CancellationToken cancellationToken)
    {
        using var request = SignedJsonRequest.Create(endpoint, target, body, credentials(), region, service, time.GetUtcNow().UtcDateTime);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return text;
        }

        var error = TryParseError(text);
        throw new CognitoServiceException(error?.Type?.Split('#')[^1] ?? $"HTTP {(int)response.StatusCode}", error?.Message ?? text);
    }

    /// <summary>Lambda's temporary credentials (key, secret, session token) from the environment.</summary>
    private static AWSCredentials CredentialsFrom(Func<string, string?> environment)
    {
        var key = environment("AWS_ACCESS_KEY_ID") ?? throw new InvalidOperationException("AWS_ACCESS_KEY_ID is not set; the function has no credentials.");
        var secret = environment("AWS_SECRET_ACCESS_KEY") ?? throw new InvalidOperationException("AWS_SECRET_ACCESS_KEY is not set; the function has no credentials.");
        return environment("AWS_SESSION_TOKEN") is { Length: > 0 } token ? new SessionAWSCredentials(key, secret, token) : new BasicAWSCredentials(key, secret);
    }

    private static CognitoErrorBody? TryParseError(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, CognitoJsonContext.Default.CognitoErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
