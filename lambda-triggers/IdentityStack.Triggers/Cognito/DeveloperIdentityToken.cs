namespace IdentityStack.Triggers.Cognito;

/// <summary>An identity id and the OpenID token the app passes to GetCredentialsForIdentity as <c>Logins["cognito-identity.amazonaws.com"]</c>.</summary>
internal sealed record DeveloperIdentityToken(string IdentityId, string Token);
