namespace IdentityStack.Triggers.Api;

/// <summary>GET /admin/users: users of the admin's tenant.</summary>
internal sealed record UsersResponse(IReadOnlyList<UserSummary> Users);
