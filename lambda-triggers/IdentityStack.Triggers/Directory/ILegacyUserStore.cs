namespace IdentityStack.Triggers.Directory;

/// <summary>The user store being migrated away from.</summary>
internal interface ILegacyUserStore
{
    /// <summary>The legacy user with this username (case-insensitive email), or null.</summary>
    Task<LegacyUser?> FindAsync(string userName, CancellationToken cancellationToken);

    /// <summary>Records that the user was imported into the pool (an unknown user is left alone).</summary>
    Task MarkMigratedAsync(string userName, DateTimeOffset at, CancellationToken cancellationToken);
}
