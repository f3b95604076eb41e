namespace IdentityStack.Triggers.Api;

/// <summary>The directory as the API needs it: the admin route's listing, and the tenant re-check of admin and write routes.</summary>
internal interface IUserListing
{
    /// <summary>
    /// Whether the tenant is suspended (an unknown tenant is not). The API asks on every admin and
    /// write request: a token issued before a suspension stays valid until it expires.
    /// </summary>
    Task<bool> IsTenantSuspendedAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the users of <paramref name="tenant"/>: up to <paramref name="limit"/>, starting
    /// after <paramref name="after"/> (the <see cref="UserPage.NextCursor"/> of the page before).
    /// </summary>
    Task<UserPage> ListUsersAsync(string tenant, int limit, UserListingCursor? after, CancellationToken cancellationToken);
}
