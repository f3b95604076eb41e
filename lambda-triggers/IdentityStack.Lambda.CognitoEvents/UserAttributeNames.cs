namespace IdentityStack.Lambda.CognitoEvents;

/// <summary>User attribute names the triggers read, in one place.</summary>
public static class UserAttributeNames
{
#pragma warning disable CS1591 // The names are the documentation.
    public const string Sub = "sub";
    public const string Email = "email";
    public const string EmailVerified = "email_verified";
    public const string Locale = "locale";
    public const string Identities = "identities";

    /// <summary>The user's status in events of signed-in users (<c>CONFIRMED</c>, <c>EXTERNAL_PROVIDER</c>, ...).</summary>
    public const string UserStatus = "cognito:user_status";
#pragma warning restore CS1591
}
