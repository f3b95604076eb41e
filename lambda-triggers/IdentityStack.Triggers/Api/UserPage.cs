namespace IdentityStack.Triggers.Api;

/// <summary>One page of the admin listing, and where the next one starts (null on the last page).</summary>
internal sealed record UserPage(IReadOnlyList<UserSummary> Users, UserListingCursor? NextCursor);
