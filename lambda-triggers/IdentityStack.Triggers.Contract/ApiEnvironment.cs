namespace IdentityStack.Triggers.Contract;

/// <summary>
/// Environment variables of the API backend function, set by the API construct, besides
/// <see cref="TriggerEnvironment.DirectoryTable"/> (the table the admin route lists users from).
/// </summary>
public static class ApiEnvironment
{
    /// <summary>The resource server identifier; the backend checks scopes "{identifier}/write" and "{identifier}/admin".</summary>
    public const string ResourceServer = "API_RESOURCE_SERVER";

    /// <summary>The group whose members may use admin routes (checked besides the admin scope).</summary>
    public const string AdminGroup = "API_ADMIN_GROUP";
}
