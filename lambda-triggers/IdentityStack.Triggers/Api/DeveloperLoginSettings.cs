namespace IdentityStack.Triggers.Api;

/// <summary>Where developer identities are issued: the identity pool, its developer provider name, and the token lifetime.</summary>
internal sealed record DeveloperLoginSettings(string IdentityPoolId, string DeveloperProviderName, TimeSpan TokenDuration);
