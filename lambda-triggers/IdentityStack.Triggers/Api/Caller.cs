using IdentityStack.Triggers.Contract;

namespace IdentityStack.Triggers.Api;

/// <summary>
/// Who is calling, from the claims the JWT authorizer verified. HTTP API renders every claim as a
/// string, list claims as "[a b]"; scopes come from <c>jwt.scopes</c> or the <c>scope</c> claim.
/// Lists split on whitespace only: Cognito group names cannot hold whitespace but may hold ',', so a
/// group named "x,admins" stays one group and never counts as "admins". The tenant is only
/// <c>tenant_id</c>, which the token trigger puts in by the one rule (<c>UserTenant</c>); the raw
/// <c>custom:tenant_id</c> is never read, since a federated user's tenant is not that attribute.
/// </summary>
internal sealed record Caller(string Sub, string? Username, IReadOnlyList<string> Groups, string? Tenant, IReadOnlyList<string> Scopes)
{
    /// <summary>The caller, or null when the request carries no verified subject.</summary>
    public static Caller? From(HttpApiJwt? jwt)
    {
        if (jwt?.Claims is not { } claims || !claims.TryGetValue("sub", out var sub) || string.IsNullOrEmpty(sub))
        {
            return null;
        }

        var scopes = jwt.Scopes is { Count: > 0 } given ? given : Words(claims.GetValueOrDefault("scope"));
        return new Caller(
            sub,
            claims.GetValueOrDefault("username") ?? claims.GetValueOrDefault("cognito:username"),
            Words(claims.GetValueOrDefault("cognito:groups")?.Trim('[', ']')),
            claims.GetValueOrDefault(TenantIdAttributeName.TokenClaim) is { Length: > 0 } tenant ? tenant : null,
            scopes);
    }

    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    public bool InGroup(string group) => Groups.Contains(group, StringComparer.Ordinal);

    private static List<string> Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)];
}
