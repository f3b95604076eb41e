namespace IdentityStack.Triggers.Directory;

/// <summary>
/// A machine (client credentials) app client as registered at deploy: its tenant, if it acts for
/// one, and the full names of the scopes its access tokens may carry.
/// </summary>
internal sealed record MachineClient(string ClientId, string? TenantId, IReadOnlyList<string> Scopes);
