using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs.Api;

/// <summary>The API's routes and the scope each needs ("" = any signed-in caller, null = public): the contract's table, which the backend serves.</summary>
public static class ApiRoutes
{
    /// <summary>Route path, method, and the resource-server scope name it needs.</summary>
    public static IReadOnlyList<(string Path, string Method, string? Scope)> All { get; } =
        [.. ApiRouteTable.All.Select(r => (r.Path, r.Method, r.Scope))];
}
