namespace IdentityStack.Triggers.Contract;

/// <summary>
/// One route of the HTTP API: the CDK creates it with an authorizer and scope, the backend serves it.
/// <see cref="Scope"/> is null for a public route, empty for any signed-in caller, else a scope name
/// of <see cref="ApiScopeNames"/>.
/// </summary>
public sealed record ApiRoute(string Method, string Path, string? Scope)
{
    /// <summary>The route key as API Gateway writes it and the backend matches it, e.g. <c>GET /me</c>.</summary>
    public string Key => Method + " " + Path;

    /// <summary>Whether the route needs a verified token.</summary>
    public bool RequiresToken => Scope is not null;
}
