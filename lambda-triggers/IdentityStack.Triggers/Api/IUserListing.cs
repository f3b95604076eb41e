namespace IdentityStack.Triggers.Api;

/// <summary>Lists users of the directory, for the admin route.</summary>
internal interface IUserListing
{
    /// <summary>
    /// One page of the users of <paramref name="tenant"/>: up to <paramref name="limit"/>, starting
    /// after <paramref name="after"/> (the <see cref="UserPage.NextCursor"/> of the page before).
    /// </summary>
    Task<UserPage> ListUsersAsync(string tenant, int limit, UserListingCursor? after, CancellationToken cancellationToken);
}
