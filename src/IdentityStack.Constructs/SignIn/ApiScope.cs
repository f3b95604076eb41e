namespace IdentityStack.Constructs.SignIn;

/// <summary>The resource server's scopes (used by the API's routes and by the token trigger's group scopes).</summary>
public static class ApiScope
{
    /// <summary>Read the caller's data.</summary>
    public const string Read = global::IdentityStack.Triggers.Contract.ApiScopeNames.Read;

    /// <summary>Change the caller's data.</summary>
    public const string Write = global::IdentityStack.Triggers.Contract.ApiScopeNames.Write;

    /// <summary>Administer users and tenants.</summary>
    public const string Admin = global::IdentityStack.Triggers.Contract.ApiScopeNames.Admin;
}
