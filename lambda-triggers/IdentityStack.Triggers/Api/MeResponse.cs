namespace IdentityStack.Triggers.Api;

/// <summary>GET /me: who the caller is.</summary>
internal sealed record MeResponse(string Sub, string? Username, IReadOnlyList<string> Groups, string? Tenant, IReadOnlyList<string> Scopes);
