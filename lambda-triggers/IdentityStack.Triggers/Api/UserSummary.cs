namespace IdentityStack.Triggers.Api;

/// <summary>One user as the admin listing shows it.</summary>
internal sealed record UserSummary(string Sub, string UserName, string? Email, string? Tenant);
