using System.Text.Json;

namespace IdentityStack.Triggers.Cognito;

/// <summary>Amazon Cognito Identity's GetOpenIdTokenForDeveloperIdentity over its JSON protocol, signed (<see cref="CognitoJsonClient"/>).</summary>
internal sealed class CognitoIdentityClient(CognitoJsonClient cognito) : ICognitoIdentity
{
    /// <summary>The service's signing name and endpoint host prefix.</summary>
    public const string Service = "cognito-identity";

    /// <summary>The SDKs' service-specific endpoint variable (a loopback endpoint in the local run).</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL_COGNITO_IDENTITY";

    private const string Target = "AWSCognitoIdentityService.GetOpenIdTokenForDeveloperIdentity";

    public async Task<DeveloperIdentityToken> GetOpenIdTokenForDeveloperIdentityAsync(string identityPoolId, string developerProvider, string userIdentifier, TimeSpan tokenDuration, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new GetOpenIdTokenForDeveloperIdentityRequest(identityPoolId, new Dictionary<string, string>(StringComparer.Ordinal) { [developerProvider] = userIdentifier }, (long)tokenDuration.TotalSeconds),
            CognitoJsonContext.Default.GetOpenIdTokenForDeveloperIdentityRequest);
        var text = await cognito.PostAsync(Target, body, cancellationToken).ConfigureAwait(false);
        GetOpenIdTokenForDeveloperIdentityResponse? answer;
        try
        {
            answer = JsonSerializer.Deserialize(text, CognitoJsonContext.Default.GetOpenIdTokenForDeveloperIdentityResponse);
        }
        catch (JsonException)
        {
            answer = null;
        }

        return answer is { IdentityId: { Length: > 0 } id, Token: { Length: > 0 } token }
            ? new DeveloperIdentityToken(id, token)
            : throw new CognitoServiceException("InvalidResponse", "GetOpenIdTokenForDeveloperIdentity answered without IdentityId and Token.");
    }
}
