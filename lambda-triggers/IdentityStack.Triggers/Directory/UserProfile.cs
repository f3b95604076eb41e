using IdentityStack.Lambda.CognitoEvents;

namespace IdentityStack.Triggers.Directory;

/// <summary>The profile item of a user: written when they confirm sign-up, or at their first token issue when they never did (invited, migrated).</summary>
internal sealed record UserProfile(string Sub, string UserPoolId, string UserName, string? Email, string? TenantId, DateTimeOffset CreatedAt)
{
    /// <summary>The profile of the user a trigger event is about, listed under <paramref name="tenant"/> (by <see cref="UserTenant"/>'s rule), or null when the event has no <c>sub</c>.</summary>
    public static UserProfile? Of(string userPoolId, string? userName, CognitoTriggerRequest request, string? tenant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Attribute(UserAttributeNames.Sub) is { } sub
            ? new UserProfile(sub, userPoolId, userName ?? sub, request.Attribute(UserAttributeNames.Email), tenant, now)
            : null;
    }
}
