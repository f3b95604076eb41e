using IdentityStack.Triggers.Cognito;
using IdentityStack.UserDirectory.Cognito;

namespace IdentityStack.Triggers.Backup;

/// <summary>The user pools JSON protocol over the binary's signed client, Cognito's refusals as <see cref="UserPoolCallException"/>.</summary>
internal sealed class CognitoUserPoolTransport(CognitoJsonClient cognito) : IUserPoolTransport
{
    /// <summary>The service's signing name and endpoint host prefix.</summary>
    public const string Service = "cognito-idp";

    /// <summary>The SDKs' service-specific endpoint variable (a loopback endpoint in the local run).</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER";

    public async Task<string> PostAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        try
        {
            return await cognito.PostAsync("AWSCognitoIdentityProviderService." + operation, body, cancellationToken).ConfigureAwait(false);
        }
        catch (CognitoServiceException error)
        {
            throw new UserPoolCallException(error.ErrorType, error.Message);
        }
    }
}
