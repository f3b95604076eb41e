namespace IdentityStack.Smoke;

/// <summary>
/// The one Cognito call the smoke test makes. AWSSDK.CognitoIdentityProvider is not served by the
/// package mirror, so <see cref="CognitoJsonClient"/> implements it over Cognito's JSON protocol;
/// the SDK's AmazonCognitoIdentityProviderClient can replace it behind this interface in one change.
/// </summary>
internal interface ICognitoAppClients
{
    Task<UserPoolClientDescription> DescribeUserPoolClientAsync(string userPoolId, string clientId, CancellationToken cancellationToken);
}
