namespace IdentityStack.Triggers.Cognito;

/// <summary>GetOpenIdTokenForDeveloperIdentity output: the identity id and the OpenID token for GetCredentialsForIdentity.</summary>
internal sealed record GetOpenIdTokenForDeveloperIdentityResponse(string? IdentityId, string? Token);
