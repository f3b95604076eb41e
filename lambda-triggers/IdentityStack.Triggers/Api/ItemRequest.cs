namespace IdentityStack.Triggers.Api;

/// <summary>POST /items body.</summary>
internal sealed record ItemRequest(string? Name);
