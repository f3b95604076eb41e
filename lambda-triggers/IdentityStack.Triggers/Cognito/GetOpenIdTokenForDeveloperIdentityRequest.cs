namespace IdentityStack.Triggers.Cognito;

/// <summary>GetOpenIdTokenForDeveloperIdentity input (Cognito Identity JSON protocol): the pool, the developer provider's user, and the token's lifetime in seconds.</summary>
internal sealed record GetOpenIdTokenForDeveloperIdentityRequest(string IdentityPoolId, IReadOnlyDictionary<string, string> Logins, long TokenDuration);
