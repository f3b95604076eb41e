namespace IdentityStack.Triggers.Api;

/// <summary>POST /developer-identity body: the legacy directory's username and password.</summary>
internal sealed record DeveloperLoginRequest(string? Username, string? Password);
