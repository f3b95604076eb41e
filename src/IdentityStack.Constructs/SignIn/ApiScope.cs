namespace IdentityStack.Constructs.SignIn;

/// <summary>The resource server's scopes (used by the API's routes and by the token trigger's group scopes).</summary>
public static class ApiScope
{
    /// <summary>Read the caller's data.</summary>
    public const string Read = "read";

    /// <summary>Change the caller's data.</summary>
    public const string Write = "write";

    /// <summary>Administer users and tenants.</summary>
    public const string Admin = "admin";
}
