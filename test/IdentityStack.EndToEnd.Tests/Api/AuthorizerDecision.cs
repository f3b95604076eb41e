namespace IdentityStack.EndToEnd.Tests.Api;

/// <summary>
/// What the JWT authorizer decided: 200 with the claims as API Gateway hands them on (every value
/// a string), 401 for a token it does not accept, 403 for a token without a scope the route needs.
/// </summary>
internal sealed record AuthorizerDecision(int Status, string Reason, IReadOnlyDictionary<string, string> Claims, IReadOnlyList<string> Scopes)
{
    public static AuthorizerDecision Unauthorized(string reason) => new(401, reason, new Dictionary<string, string>(StringComparer.Ordinal), []);

    public static AuthorizerDecision Forbidden(string reason) => new(403, reason, new Dictionary<string, string>(StringComparer.Ordinal), []);
}
