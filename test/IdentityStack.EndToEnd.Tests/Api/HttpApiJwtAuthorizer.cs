using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IdentityStack.EndToEnd.Tests.Api;

/// <summary>
/// The checks API Gateway's JWT authorizer makes, in its order: a token in the identity source
/// (with or without "Bearer "), an RS256 signature by a key of the issuer's JWKS, <c>iss</c> equal
/// to the issuer, <c>aud</c> (or, only when there is no <c>aud</c>, <c>client_id</c>) one of the
/// audience, <c>exp</c> in the future, <c>nbf</c> and <c>iat</c> not; then at least one of the
/// route's scopes in <c>scope</c>. Anything wrong with the token is 401, a missing scope is 403.
/// </summary>
internal sealed class HttpApiJwtAuthorizer(string issuer, IReadOnlyCollection<string> audience, JsonWebKeys keys, TimeProvider clock)
{
    private const string BearerPrefix = "Bearer ";

    public string Issuer { get; } = issuer;

    /// <summary>The same rules, judged at another time.</summary>
    public HttpApiJwtAuthorizer At(TimeProvider other) => new(Issuer, audience, keys, other);

    public AuthorizerDecision Authorize(string? identitySource, IReadOnlyList<string> routeScopes)
    {
        var token = identitySource?.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) == true ? identitySource[BearerPrefix.Length..] : identitySource;
        if (string.IsNullOrWhiteSpace(token))
        {
            return AuthorizerDecision.Unauthorized("no token in the Authorization header");
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || Json(parts[0]) is not { } header || Json(parts[1]) is not { } claims)
        {
            return AuthorizerDecision.Unauthorized("the token is not a JWT");
        }

        if (!string.Equals((string?)header["alg"], "RS256", StringComparison.Ordinal)
            || !keys.Verifies((string?)header["kid"], Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Decode(parts[2]) ?? []))
        {
            return AuthorizerDecision.Unauthorized("the signature is not the issuer's");
        }

        if (!string.Equals(Text(claims["iss"]), Issuer, StringComparison.Ordinal))
        {
            return AuthorizerDecision.Unauthorized($"the token's issuer {Text(claims["iss"])} is not {Issuer}");
        }

        var recipient = claims["aud"] is { } aud ? Text(aud) : Text(claims["client_id"]);
        if (recipient is null || !audience.Contains(recipient, StringComparer.Ordinal))
        {
            return AuthorizerDecision.Unauthorized("the token does not have a valid audience");
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (Seconds(claims["exp"]) is not { } exp || exp <= now)
        {
            return AuthorizerDecision.Unauthorized("the token has expired");
        }

        if (Seconds(claims["nbf"]) > now || Seconds(claims["iat"]) > now)
        {
            return AuthorizerDecision.Unauthorized("the token is not valid yet");
        }

        var scopes = (Text(claims["scope"]) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (routeScopes.Count > 0 && !routeScopes.Any(s => scopes.Contains(s, StringComparer.Ordinal)))
        {
            return AuthorizerDecision.Forbidden($"the token has none of the route's scopes ({string.Join(", ", routeScopes)})");
        }

        return new AuthorizerDecision(200, "authorized", claims.ToDictionary(c => c.Key, c => Text(c.Value) ?? string.Empty, StringComparer.Ordinal), routeScopes.Count > 0 ? scopes : []);
    }

    private static byte[]? Decode(string part)
    {
        try
        {
            return Base64Url.DecodeFromChars(part);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static JsonObject? Json(string part)
    {
        try
        {
            return Decode(part) is { } bytes ? JsonNode.Parse(bytes) as JsonObject : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static long? Seconds(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<long>(out var seconds) ? seconds : null;

    /// <summary>A claim as HTTP API hands it to the integration: a string; a list as "[a b]".</summary>
    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonArray list => "[" + string.Join(' ', list.Select(Text)) + "]",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };
}
