using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IdentityStack.EndToEnd.Tests.Cognito;
using IdentityStack.Testing;

namespace IdentityStack.EndToEnd.Tests.Api;

/// <summary>
/// The synthesized HTTP API run locally: its routes and JWT authorizer read from the template
/// (the issuer mapped from Cognito's to cognito-local's, same pool id), and the backend function
/// called through the Lambda host with the payload v2.0 event API Gateway would send.
/// </summary>
internal sealed partial class LocalHttpApi
{
    private const string IdentitySource = "$request.header.Authorization";
    private readonly HttpApiJwtAuthorizer _authorizer;
    private readonly IReadOnlyList<HttpApiRoute> _routes;
    private readonly HttpClient _http;
    private readonly TimeProvider _clock;

    private LocalHttpApi(HttpApiJwtAuthorizer authorizer, IReadOnlyList<HttpApiRoute> routes, HttpClient http, TimeProvider clock)
    {
        _authorizer = authorizer;
        _routes = routes;
        _http = http;
        _clock = clock;
    }

    public string LocalIssuer => _authorizer.Issuer;

    public IReadOnlyList<HttpApiRoute> Routes => _routes;

    /// <param name="invocationsOf">The Lambda host's invocation URL of a function (by name).</param>
    public static async Task<LocalHttpApi> FromTemplateAsync(LocalUserPool pool, string cognitoLocalUrl, IReadOnlyDictionary<string, string> routeFunctions, Func<string, Uri> invocationsOf, HttpClient http, TimeProvider clock)
    {
        var template = pool.Template;
        var (authorizerId, authorizer) = template.Single("AWS::ApiGatewayV2::Authorizer");
        var source = authorizer["IdentitySource"]?.AsArray().Select(s => (string?)s).ToList() ?? [];
        if (source is not [IdentitySource])
        {
            throw new InvalidDataException($"{authorizerId}: the local run reads the token from {IdentitySource} only, the template has {string.Join(", ", source)}.");
        }

        var configuration = authorizer["JwtConfiguration"];
        var cognitoIssuer = pool.Values.ResolveString(configuration?["Issuer"]);
        if (!CognitoIssuer().IsMatch(cognitoIssuer) || !cognitoIssuer.EndsWith("/" + pool.PoolId, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{authorizerId}: issuer {cognitoIssuer} is not https://cognito-idp.{{region}}.amazonaws.com/{pool.PoolId}.");
        }

        var issuer = $"{cognitoLocalUrl}/{pool.PoolId}";
        var audience = (pool.Values.Resolve(configuration?["Audience"]) as JsonArray ?? []).Select(a => (string)a!).ToList();
        var routes = template.OfType("AWS::ApiGatewayV2::Route")
            .Select(r => new HttpApiRoute(
                (string)r.Properties["RouteKey"]!,
                string.Equals((string?)r.Properties["AuthorizationType"], "JWT", StringComparison.Ordinal),
                r.Properties["AuthorizationScopes"]?.AsArray().Select(s => (string)s!).ToList() ?? [],
                invocationsOf(routeFunctions[(string)r.Properties["RouteKey"]!])))
            .ToList();
        var keys = await JsonWebKeys.FetchAsync(http, issuer).ConfigureAwait(false);
        return new LocalHttpApi(new HttpApiJwtAuthorizer(issuer, audience, keys, clock), routes, http, clock);
    }

    /// <summary>The same API with its authorizer judging tokens at another time.</summary>
    public LocalHttpApi At(TimeProvider clock) => new(_authorizer.At(clock), _routes, _http, clock);

    public async Task<ApiResult> SendAsync(string method, string path, string? authorization, string? body = null)
    {
        var route = _routes.FirstOrDefault(r => string.Equals(r.RouteKey, $"{method} {path}", StringComparison.Ordinal));
        if (route is null)
        {
            return new ApiResult(404, new JsonObject { ["message"] = "Not Found" }, "no route");
        }

        var decision = route.RequiresJwt ? _authorizer.Authorize(authorization, route.Scopes) : null;
        if (decision is { Status: not 200 })
        {
            return new ApiResult(decision.Status, new JsonObject { ["message"] = decision.Status == 401 ? "Unauthorized" : "Forbidden" }, decision.Reason);
        }

        using var content = new StringContent(Event(route, method, path, authorization, body, decision).ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(route.Invocations, content).ConfigureAwait(false);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        if (response.Headers.Contains("X-Amz-Function-Error"))
        {
            return new ApiResult(500, new JsonObject { ["message"] = "Internal Server Error" }, "the backend failed: " + result?.ToJsonString());
        }

        var status = (int?)result?["statusCode"] ?? 200;
        var responseBody = (string?)result?["body"];
        return new ApiResult(status, responseBody is null ? null : JsonNode.Parse(responseBody), decision?.Reason ?? "public route");
    }

    private JsonObject Event(HttpApiRoute route, string method, string path, string? authorization, string? body, AuthorizerDecision? decision)
    {
        var now = _clock.GetUtcNow();
        var headers = new JsonObject { ["host"] = "local.execute-api.localhost", ["content-type"] = "application/json" };
        if (authorization is not null)
        {
            headers["authorization"] = authorization;
        }

        var context = new JsonObject
        {
            ["accountId"] = "000000000000",
            ["apiId"] = "local",
            ["domainName"] = "local.execute-api.localhost",
            ["domainPrefix"] = "local",
            ["http"] = new JsonObject { ["method"] = method, ["path"] = path, ["protocol"] = "HTTP/1.1", ["sourceIp"] = "127.0.0.1", ["userAgent"] = "identitystack-e2e" },
            ["requestId"] = Guid.NewGuid().ToString("N"),
            ["routeKey"] = route.RouteKey,
            ["stage"] = "$default",
            ["time"] = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
            ["timeEpoch"] = now.ToUnixTimeMilliseconds(),
        };
        if (decision is not null)
        {
            var claims = new JsonObject(decision.Claims.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value)));
            context["authorizer"] = new JsonObject
            {
                ["jwt"] = new JsonObject { ["claims"] = claims, ["scopes"] = decision.Scopes.Count > 0 ? new JsonArray([.. decision.Scopes.Select(s => (JsonNode?)s)]) : null },
            };
        }

        return new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = route.RouteKey,
            ["rawPath"] = path,
            ["rawQueryString"] = string.Empty,
            ["headers"] = headers,
            ["requestContext"] = context,
            ["body"] = body,
            ["isBase64Encoded"] = false,
        };
    }

    [GeneratedRegex(@"^https://cognito-idp\.[a-z0-9-]+\.amazonaws\.com/[\w-]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CognitoIssuer();
}
