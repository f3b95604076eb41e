namespace IdentityStack.Triggers.Contract;

/// <summary>The API's routes, one list for the CDK (routes, authorizer scopes) and the backend (dispatch, scope checks).</summary>
public static class ApiRouteTable
{
    /// <summary>Health check, public: returns a fixed status and no data.</summary>
    public static ApiRoute Health { get; } = new("GET", "/health", null);

    /// <summary>The caller's own claims; any signed-in caller.</summary>
    public static ApiRoute Me { get; } = new("GET", "/me", string.Empty);

    /// <summary>Creates an item of the caller's; needs the write scope.</summary>
    public static ApiRoute CreateItem { get; } = new("POST", "/items", ApiScopeNames.Write);

    /// <summary>Lists the users of the caller's tenant; needs the admin scope (and the admin group).</summary>
    public static ApiRoute ListUsers { get; } = new("GET", "/admin/users", ApiScopeNames.Admin);

    /// <summary>
    /// Users of the legacy directory sign in here (username and password, no token) and get a
    /// Cognito Identity identity id and OpenID token; public, throttled harder than the rest, and
    /// present only where developer login is configured (<see cref="Optional"/>).
    /// </summary>
    public static ApiRoute DeveloperLogin { get; } = new("POST", "/developer-identity", null);

    /// <summary>Every route every API has.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } = [Health, Me, CreateItem, ListUsers];

    /// <summary>Routes an API has only when configured for them.</summary>
    public static IReadOnlyList<ApiRoute> Optional { get; } = [DeveloperLogin];

    /// <summary>The route for a request's method and path (trailing '/' ignored, method case-insensitive), or null.</summary>
    public static ApiRoute? Find(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var key = method.ToUpperInvariant() + " " + path.TrimEnd('/');
        return All.Concat(Optional).FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.Ordinal));
    }
}
