namespace IdentityStack.Triggers.Contract;

/// <summary>
/// Environment variables of the API's functions, set by the API construct: the backend's, besides
/// <see cref="TriggerEnvironment.DirectoryTable"/> (the table the admin route lists users from); the
/// developer login's, besides the directory (failure counters, tenants), the legacy users table and
/// <see cref="TriggerEnvironment.AllowedEmailDomains"/>.
/// </summary>
public static class ApiEnvironment
{
    /// <summary>The resource server identifier; the backend checks scopes "{identifier}/write" and "{identifier}/admin".</summary>
    public const string ResourceServer = "API_RESOURCE_SERVER";

    /// <summary>The group whose members may use admin routes (checked besides the admin scope).</summary>
    public const string AdminGroup = "API_ADMIN_GROUP";

    /// <summary>The identity pool developer identities are issued in; set only where developer login is configured.</summary>
    public const string IdentityPoolId = "API_IDENTITY_POOL_ID";

    /// <summary>The identity pool's developer provider name (the key of the login map).</summary>
    public const string DeveloperProviderName = "API_DEVELOPER_PROVIDER";

    /// <summary>How long the OpenID token of a developer identity lasts: whole seconds, 1 to 86400 (Cognito's limits).</summary>
    public const string DeveloperTokenSeconds = "API_DEVELOPER_TOKEN_SECONDS";
}
