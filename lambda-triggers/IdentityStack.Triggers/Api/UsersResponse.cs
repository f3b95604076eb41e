namespace IdentityStack.Triggers.Api;

/// <summary>GET /admin/users: one page of the users of the admin's tenant, and the cursor of the next page (absent on the last).</summary>
internal sealed record UsersResponse(IReadOnlyList<UserSummary> Users, string? NextCursor);
