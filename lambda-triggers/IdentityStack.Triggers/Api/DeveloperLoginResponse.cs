namespace IdentityStack.Triggers.Api;

/// <summary>
/// POST /developer-identity answer: the Cognito Identity identity id and OpenID token, and how long
/// the token lasts. The app calls GetCredentialsForIdentity with
/// <c>Logins = { "cognito-identity.amazonaws.com": token }</c>.
/// </summary>
internal sealed record DeveloperLoginResponse(string IdentityId, string Token, long ExpiresIn);
