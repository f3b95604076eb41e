namespace IdentityStack.Triggers.Contract;

/// <summary>The resource server's scope names: the CDK creates them, the routes require them, the backend checks them.</summary>
public static class ApiScopeNames
{
    /// <summary>Read the caller's data.</summary>
    public const string Read = "read";

    /// <summary>Change the caller's data.</summary>
    public const string Write = "write";

    /// <summary>Administer users and tenants.</summary>
    public const string Admin = "admin";

    /// <summary>A scope's full name as tokens carry it: <c>{resource server identifier}/{scope name}</c>.</summary>
    public static string Qualified(string resourceServer, string scopeName) => resourceServer + "/" + scopeName;
}
