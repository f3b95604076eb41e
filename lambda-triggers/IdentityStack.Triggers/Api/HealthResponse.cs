namespace IdentityStack.Triggers.Api;

/// <summary>GET /health.</summary>
internal sealed record HealthResponse(string Status);
