namespace IdentityStack.Triggers.Directory;

/// <summary>
/// A legacy user: attributes and a PBKDF2 password hash (<see cref="PasswordHash"/> format), and
/// when the user migration trigger imported them into the pool (null while they were not).
/// </summary>
internal sealed record LegacyUser(string UserName, string Email, bool EmailVerified, string? TenantId, string PasswordHash)
{
    /// <summary>When the user was imported into the pool; their legacy password then opens nothing else.</summary>
    public DateTimeOffset? MigratedAt { get; init; }
}
