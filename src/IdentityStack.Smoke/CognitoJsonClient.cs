using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using IdentityStack.Triggers.Cognito;

namespace IdentityStack.Smoke;

/// <summary>
/// Cognito user pools over the JSON 1.1 protocol, signed with SigV4 by AWSSDK.Core with the
/// standard credential chain (environment, profile, web identity: what configure-aws-credentials sets).
/// </summary>
internal sealed class CognitoJsonClient(HttpClient http, Uri endpoint, RegionEndpoint region, Func<AWSCredentials> credentials) : ICognitoAppClients
{
    /// <summary>The SDKs' service-specific endpoint variable, honoured as the AWS SDKs do.</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER";
    private const string Service = "cognito-idp";

    public static CognitoJsonClient For(HttpClient http, string userPoolId, Func<string, string?> environment)
    {
        var regionName = userPoolId.Split('_')[0];
        var region = RegionEndpoint.GetBySystemName(regionName);
        var endpoint = environment(EndpointVariable) is { Length: > 0 } custom ? new Uri(custom.TrimEnd('/') + "/") : new Uri($"https://{Service}.{regionName}.amazonaws.com/");
        return new CognitoJsonClient(http, endpoint, region, () => DefaultAWSCredentialsIdentityResolver.GetCredentials());
    }

    public async Task<UserPoolClientDescription> DescribeUserPoolClientAsync(string userPoolId, string clientId, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new DescribeUserPoolClientRequest(userPoolId, clientId), SmokeJsonContext.Default.DescribeUserPoolClientRequest);
        var text = await CallAsync("DescribeUserPoolClient", body, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(text, SmokeJsonContext.Default.DescribeUserPoolClientResponse)?.UserPoolClient
            ?? throw new InvalidDataException("DescribeUserPoolClient answered without UserPoolClient.");
    }

    private async Task<string> CallAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        var target = "AWSCognitoIdentityProviderService." + operation;
        using var request = SignedJsonRequest.Create(endpoint, target, body, credentials(), region, Service, DateTime.UtcNow);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return text;
        }

        CognitoErrorResponse? error = null;
        try
        {
            error = JsonSerializer.Deserialize(text, SmokeJsonContext.Default.CognitoErrorResponse);
        }
        catch (JsonException)
        {
            // Not a Cognito error body: the status says enough.
        }

        throw new HttpRequestException($"{operation}: {error?.Type?.Split('#')[^1] ?? "HTTP " + (int)response.StatusCode}: {error?.Message ?? text}");
    }
}
