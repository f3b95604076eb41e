namespace IdentityStack.Triggers.Directory;

/// <summary>The profile item written when a user confirms sign-up.</summary>
internal sealed record UserProfile(string Sub, string UserPoolId, string UserName, string? Email, string? TenantId, DateTimeOffset CreatedAt);
