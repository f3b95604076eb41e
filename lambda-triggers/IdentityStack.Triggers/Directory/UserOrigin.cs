using IdentityStack.Lambda.CognitoEvents;

namespace IdentityStack.Triggers.Directory;

/// <summary>
/// Where a user comes from: the pool itself, or the external identity provider Cognito created
/// them from. Decided by the user's status, which Cognito sets to <c>EXTERNAL_PROVIDER</c> only for
/// users it created at a federated sign-in (API reference, "UserType": "EXTERNAL_PROVIDER - User
/// signed in with a third-party IdP",
/// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserType.html),
/// never by the <c>identities</c> attribute: an administrator who links a pool user to a provider
/// (AdminLinkProviderForUser) gives that user <c>identities</c> while they stay a pool user, and
/// they must not start reading their tenant from what the provider (or they) wrote.
/// </summary>
internal static class UserOrigin
{
    /// <summary>The status Cognito gives users it created from an external identity provider.</summary>
    public const string ExternalProviderStatus = "EXTERNAL_PROVIDER";

    /// <summary>The provider a federated user comes from (as their username names it), or null for a user of the pool itself.</summary>
    public static string? ProviderOf(string? userName, CognitoTriggerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Equals(request.Attribute(UserAttributeNames.UserStatus), ExternalProviderStatus, StringComparison.Ordinal)
            ? ProviderOfUserName(userName)
            : null;
    }

    /// <summary>
    /// The provider part of a federated user's username, "&lt;provider name&gt;_&lt;id at the
    /// provider&gt;" (empty when there is none). Cognito may lower-case the name, so the settings
    /// match provider names case-insensitively; provider names cannot contain '_'.
    /// </summary>
    public static string ProviderOfUserName(string? userName) =>
        userName is { } name && name.IndexOf('_', StringComparison.Ordinal) is > 0 and var cut ? name[..cut] : string.Empty;
}
