using System.Text.Json;
using IdentityStack.Triggers.Cognito;

namespace IdentityStack.Triggers.CustomResources;

/// <summary>SetUICustomization over Cognito's JSON protocol, signed (<see cref="CognitoJsonClient"/>); the AOT contract test calls a loopback endpoint through the published binary.</summary>
internal sealed class CognitoUiCustomizationClient(CognitoJsonClient cognito) : ICognitoUiCustomization
{
    private const string Target = "AWSCognitoIdentityProviderService.SetUICustomization";

    /// <summary>The service's signing name and endpoint host prefix.</summary>
    public const string Service = "cognito-idp";

    /// <summary>The SDKs' service-specific endpoint variable, honoured here as the AWS SDKs do.</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER";

    /// <summary>The regional endpoint (or <see cref="EndpointVariable"/>) and the function's credentials, as Lambda puts them in the environment.</summary>
    public static CognitoUiCustomizationClient FromEnvironment(HttpClient http, Func<string, string?> environment) =>
        new(CognitoJsonClient.FromEnvironment(http, environment, Service, EndpointVariable));

    public async Task SetUiCustomizationAsync(string userPoolId, string clientId, string? css, string? imageFileBase64, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new SetUiCustomizationRequest { UserPoolId = userPoolId, ClientId = clientId, Css = css, ImageFile = imageFileBase64 },
            CustomResourceJsonContext.Default.SetUiCustomizationRequest);
        _ = await cognito.PostAsync(Target, body, cancellationToken).ConfigureAwait(false);
    }
}
