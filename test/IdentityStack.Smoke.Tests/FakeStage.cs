using System.Net;
using System.Text;
using IdentityStack.Testing;

namespace IdentityStack.Smoke.Tests;

/// <summary>
/// A deployed stage on 127.0.0.1 as the smoke test sees it: the API (health, me, items, admin)
/// behind a JWT check, the hosted sign-in page, and the domain's token endpoint, which gives a
/// token only to the machine client with its secret. Each answer can be broken on purpose.
/// </summary>
internal sealed class FakeStage : LoopbackHttpServer
{
    public const string MachineToken = "machine-access-token";

    public FakeStage(string clientId, string clientSecret)
    {
        ExpectedBasic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}"));
        Start();
    }

    public string ExpectedBasic { get; }

    /// <summary>Status overrides by "METHOD /path", to break the stage on purpose.</summary>
    public Dictionary<string, HttpStatusCode> Broken { get; } = new(StringComparer.Ordinal);

    protected override async Task HandleAsync(HttpListenerContext context, string body)
    {
        var route = $"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath}";
        var authorization = context.Request.Headers["Authorization"];
        var bearer = string.Equals(authorization, "Bearer " + MachineToken, StringComparison.Ordinal);
        var (status, answer) = route switch
        {
            _ when Broken.TryGetValue(route, out var broken) => (broken, "{}"),
            "GET /health" => (HttpStatusCode.OK, """{"status":"ok"}"""),
            "GET /me" or "GET /admin/users" when !bearer => (HttpStatusCode.Unauthorized, """{"message":"Unauthorized"}"""),
            "GET /me" => (HttpStatusCode.OK, "{}"),
            "GET /admin/users" => (HttpStatusCode.Forbidden, """{"message":"Forbidden"}"""),
            "POST /items" => bearer ? (HttpStatusCode.Created, """{"id":"1"}""") : (HttpStatusCode.Unauthorized, "{}"),
            "GET /oauth2/authorize" => (HttpStatusCode.Found, string.Empty),
            "POST /oauth2/token" when string.Equals(authorization, ExpectedBasic, StringComparison.Ordinal) && body.Contains("grant_type=client_credentials", StringComparison.Ordinal)
                => (HttpStatusCode.OK, $$"""{"access_token":"{{MachineToken}}","token_type":"Bearer","expires_in":3600}"""),
            "POST /oauth2/token" => (HttpStatusCode.BadRequest, """{"error":"invalid_client"}"""),
            _ => (HttpStatusCode.NotFound, "{}"),
        };
        await WriteAsync(context.Response, status, "application/json", answer).ConfigureAwait(false);
    }
}
