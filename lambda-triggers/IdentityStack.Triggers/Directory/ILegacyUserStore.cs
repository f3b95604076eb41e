namespace IdentityStack.Triggers.Directory;

/// <summary>The user store being migrated away from.</summary>
internal interface ILegacyUserStore
{
    /// <summary>The legacy user with this username (case-insensitive email), or null.</summary>
    Task<LegacyUser?> FindAsync(string userName, CancellationToken cancellationToken);
}
