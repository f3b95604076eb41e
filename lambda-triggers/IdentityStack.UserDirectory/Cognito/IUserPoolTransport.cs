namespace IdentityStack.UserDirectory.Cognito;

/// <summary>
/// The Cognito user pools JSON protocol, one signed POST per call: the platform binary brings its
/// Lambda-credentialed client, the tools theirs with the standard credential chain. A refused call
/// throws <see cref="UserPoolCallException"/> with Cognito's error type. When an SDK for Cognito is
/// served, an implementation of this interface over it replaces both in one change.
/// </summary>
public interface IUserPoolTransport
{
    /// <summary>Calls <c>AWSCognitoIdentityProviderService.{operation}</c> with <paramref name="body"/>; the response body.</summary>
    Task<string> PostAsync(string operation, byte[] body, CancellationToken cancellationToken);
}
