namespace IdentityStack.Triggers.Directory;

/// <summary>A legacy user: attributes and a PBKDF2 password hash (<see cref="PasswordHash"/> format).</summary>
internal sealed record LegacyUser(string UserName, string Email, bool EmailVerified, string? TenantId, string PasswordHash);
