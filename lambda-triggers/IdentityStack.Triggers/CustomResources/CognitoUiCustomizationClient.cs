using System.Net.Http.Headers;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace IdentityStack.Triggers.CustomResources;

/// <summary>
/// SetUICustomization over Cognito's JSON protocol (x-amz-json-1.1), signed with AWSSDK.Core's
/// SigV4 signer (already in the binary for DynamoDB, and trim-safe under Native AOT; the AOT
/// contract test calls a loopback endpoint through the published binary).
/// </summary>
internal sealed class CognitoUiCustomizationClient(HttpClient http, Uri endpoint, RegionEndpoint region, Func<AWSCredentials> credentials, TimeProvider time) : ICognitoUiCustomization
{
    private const string Target = "AWSCognitoIdentityProviderService.SetUICustomization";
    private const string Service = "cognito-idp";
    private const string JsonContentType = "application/x-amz-json-1.1";

    /// <summary>The SDKs' service-specific endpoint variable, honoured here as the AWS SDKs do.</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER";

    /// <summary>The regional endpoint (or <see cref="EndpointVariable"/>) and the function's credentials, as Lambda puts them in the environment.</summary>
    public static CognitoUiCustomizationClient FromEnvironment(HttpClient http, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var region = environment("AWS_REGION") ?? throw new InvalidOperationException("AWS_REGION is not set.");
        var endpoint = environment(EndpointVariable) is { Length: > 0 } custom ? new Uri(custom.TrimEnd('/') + "/") : new Uri($"https://{Service}.{region}.amazonaws.com/");
        return new CognitoUiCustomizationClient(http, endpoint, RegionEndpoint.GetBySystemName(region), () => CredentialsFrom(environment), TimeProvider.System);
    }

    public async Task SetUiCustomizationAsync(string userPoolId, string clientId, string? css, string? imageFileBase64, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new SetUiCustomizationRequest { UserPoolId = userPoolId, ClientId = clientId, Css = css, ImageFile = imageFileBase64 },
            CustomResourceJsonContext.Default.SetUiCustomizationRequest);
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = endpoint, Content = body };
        signing.Headers["Content-Type"] = JsonContentType;
        signing.Headers["X-Amz-Target"] = Target;
        var signed = AWSSigV4Signer.Sign(signing, new AWSSigV4Parameters { Credentials = credentials(), Region = region, Service = Service, SignedAt = time.GetUtcNow().UtcDateTime });

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonContentType);
        // The signer returns the headers it adds (date, payload hash, token, authorization); the signed target header is sent as given.
        request.Headers.TryAddWithoutValidation("X-Amz-Target", Target);
        foreach (var (name, value) in signed.Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
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
            return JsonSerializer.Deserialize(text, CustomResourceJsonContext.Default.CognitoErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
