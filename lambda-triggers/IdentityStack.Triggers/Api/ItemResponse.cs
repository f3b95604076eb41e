namespace IdentityStack.Triggers.Api;

/// <summary>A created item.</summary>
internal sealed record ItemResponse(string Id, string Name, string Owner, string? Tenant);
