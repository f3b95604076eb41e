namespace IdentityStack.Triggers.Api;

/// <summary>Lists users of the directory, for the admin route.</summary>
internal interface IUserListing
{
    /// <summary>Up to <paramref name="limit"/> users, only of <paramref name="tenant"/> when given.</summary>
    Task<IReadOnlyList<UserSummary>> ListUsersAsync(string? tenant, int limit, CancellationToken cancellationToken);
}
