using System.Net.Http.Headers;
using System.Text.Json;

namespace IdentityStack.Triggers.CustomResources;

/// <summary>SetUICustomization over Cognito's JSON protocol (x-amz-json-1.1), signed with SigV4.</summary>
internal sealed class CognitoUiCustomizationClient(HttpClient http, Uri endpoint, string region, Func<AwsCredentials> credentials, TimeProvider time) : ICognitoUiCustomization
{
    private const string Target = "AWSCognitoIdentityProviderService.SetUICustomization";

    /// <summary>The SDKs' service-specific endpoint variable, honoured here as the AWS SDKs do.</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER";

    /// <summary>The regional endpoint (or <see cref="EndpointVariable"/>) and the function's credentials.</summary>
    public static CognitoUiCustomizationClient FromEnvironment(HttpClient http, Func<string, string?> environment)
    {
        var region = environment("AWS_REGION") ?? throw new InvalidOperationException("AWS_REGION is not set.");
        var endpoint = environment(EndpointVariable) is { Length: > 0 } custom ? new Uri(custom.TrimEnd('/') + "/") : new Uri($"https://cognito-idp.{region}.amazonaws.com/");
        return new CognitoUiCustomizationClient(http, endpoint, region, () => AwsCredentials.FromEnvironment(environment), TimeProvider.System);
    }

    public async Task SetUiCustomizationAsync(string userPoolId, string clientId, string? css, string? imageFileBase64, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new SetUiCustomizationRequest { UserPoolId = userPoolId, ClientId = clientId, Css = css, ImageFile = imageFileBase64 },
            CustomResourceJsonContext.Default.SetUiCustomizationRequest);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("x-amz-target", Target);
        SigV4Signer.Sign(request, body, credentials(), region, "cognito-idp", time.GetUtcNow());
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var error = TryParseError(text);
        throw new CognitoServiceException(error?.Type?.Split('#')[^1] ?? $"HTTP {(int)response.StatusCode}", error?.Message ?? text);
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
