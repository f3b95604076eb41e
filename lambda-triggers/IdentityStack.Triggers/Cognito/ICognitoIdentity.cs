namespace IdentityStack.Triggers.Cognito;

/// <summary>
/// What the developer login needs of Amazon Cognito Identity. AWSSDK.CognitoIdentity is not served
/// here; <see cref="CognitoIdentityClient"/> implements this over the JSON protocol, and the SDK's
/// client can replace it in one change.
/// </summary>
internal interface ICognitoIdentity
{
    /// <summary>The identity of <paramref name="userIdentifier"/> at <paramref name="developerProvider"/> in the pool (created on first use) and an OpenID token for it.</summary>
    Task<DeveloperIdentityToken> GetOpenIdTokenForDeveloperIdentityAsync(string identityPoolId, string developerProvider, string userIdentifier, TimeSpan tokenDuration, CancellationToken cancellationToken);
}
