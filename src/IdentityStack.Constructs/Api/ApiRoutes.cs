namespace IdentityStack.Constructs.Api;

/// <summary>The API's routes and the scope each needs ("" = any signed-in caller, null = public).</summary>
public static class ApiRoutes
{
    /// <summary>Route path, method, and the resource-server scope name it needs.</summary>
    public static IReadOnlyList<(string Path, string Method, string? Scope)> All { get; } =
    [
        ("/health", "GET", null),
        ("/me", "GET", string.Empty),
        ("/items", "POST", SignIn.ApiScope.Write),
        ("/admin/users", "GET", SignIn.ApiScope.Admin),
    ];
}
