using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;

namespace IdentityStack.EndToEnd.Tests;

/// <summary>
/// The synthesized authorizer and routes judging real cognito-local tokens: what API Gateway
/// refuses never reaches the backend, what it lets through gets the backend's own checks.
/// </summary>
public sealed class JwtAuthorizerTests(LocalIdentityPlatform platform) : IClassFixture<LocalIdentityPlatform>
{
    private sealed class Later(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
    }

    private async Task<JsonNode> TokensAsync(string who)
    {
        var username = $"{who}-{Guid.NewGuid():N}"[..20];
        await platform.InvitedUserAsync(username, tenant: "acme", group: "members");
        return (await platform.SignInAsync(username))["AuthenticationResult"]!;
    }

    private int BackendCalls => platform.Lambda.Invocations.Count(i => string.Equals(i.Function, platform.Functions.ApiBackend, StringComparison.Ordinal));

    /// <summary>The token with one claim changed and the signature left as it was.</summary>
    private static string Tampered(string token, string claim, JsonNode value)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        payload[claim] = value;
        return $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
    }

    [Fact]
    public async Task Health_is_public_and_an_unknown_route_is_404()
    {
        var health = await platform.Api().SendAsync("GET", "/health", authorization: null);
        var unknown = await platform.Api().SendAsync("GET", "/nope", authorization: null);

        Assert.Equal(200, health.Status);
        Assert.Equal(404, unknown.Status);
    }

    [Fact]
    public async Task No_token_is_401_and_the_backend_is_not_called()
    {
        var before = BackendCalls;

        var result = await platform.Api().SendAsync("GET", "/me", authorization: null);

        Assert.Equal(401, result.Status);
        Assert.Equal("Unauthorized", (string?)result.Body!["message"]);
        Assert.Equal(before, BackendCalls);
    }

    [Fact]
    public async Task A_tampered_token_is_401()
    {
        var idToken = (string)(await TokensAsync("tamper"))["IdToken"]!;

        var result = await platform.Api().SendAsync("GET", "/me", "Bearer " + Tampered(idToken, "custom:tenant_id", "globex"));
        var untouched = await platform.Api().SendAsync("GET", "/me", "Bearer " + idToken);

        Assert.Equal(401, result.Status);
        Assert.Equal("the signature is not the issuer's", result.AuthorizerReason);
        Assert.Equal(200, untouched.Status);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var accessToken = (string)(await TokensAsync("expired"))["AccessToken"]!;

        // The dev clients' access tokens live 60 minutes (template); an hour and a minute later:
        var result = await platform.Api(new Later(TimeSpan.FromMinutes(61))).SendAsync("GET", "/me", "Bearer " + accessToken);
        var fresh = await platform.Api(new Later(TimeSpan.FromMinutes(59))).SendAsync("GET", "/me", "Bearer " + accessToken);

        Assert.Equal(401, result.Status);
        Assert.Equal("the token has expired", result.AuthorizerReason);
        Assert.Equal(200, fresh.Status);
    }

    [Fact]
    public async Task A_token_of_another_pool_is_401()
    {
        var other = await platform.Cognito.CallAsync("CreateUserPool", new JsonObject { ["PoolName"] = "another-teams-pool" });
        var otherPool = (string)other["UserPool"]!["Id"]!;
        var otherClient = (string)(await platform.Cognito.CallAsync("CreateUserPoolClient", new JsonObject { ["UserPoolId"] = otherPool, ["ClientName"] = "theirs" }))["UserPoolClient"]!["ClientId"]!;
        await platform.Cognito.CallAsync("AdminCreateUser", new JsonObject
        {
            ["UserPoolId"] = otherPool,
            ["Username"] = "outsider",
            ["MessageAction"] = "SUPPRESS",
            // cognito-local runs its triggers for every pool it hosts, so this pool meets our allow-list
            // too: its administrator verifies the address, as ours would.
            ["UserAttributes"] = new JsonArray(
                new JsonObject { ["Name"] = "email", ["Value"] = "outsider@example.com" },
                new JsonObject { ["Name"] = "email_verified", ["Value"] = "true" }),
        });
        await platform.Cognito.CallAsync("AdminSetUserPassword", new JsonObject { ["UserPoolId"] = otherPool, ["Username"] = "outsider", ["Password"] = LocalIdentityPlatform.Password, ["Permanent"] = true });
        var tokens = await platform.PasswordSignInAsync(otherClient, "outsider", LocalIdentityPlatform.Password);

        var result = await platform.Api().SendAsync("GET", "/me", "Bearer " + (string)tokens["AuthenticationResult"]!["AccessToken"]!);

        Assert.Equal(401, result.Status);
        Assert.StartsWith("the token's issuer", result.AuthorizerReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_for_a_client_outside_the_audience_is_401()
    {
        var idToken = (string)(await TokensAsync("audience"))["IdToken"]!;

        // The same user through a client of the same pool that the authorizer's audience does not list:
        // right issuer, right signature, wrong client_id.
        var outside = (string)(await platform.Cognito.CallAsync("CreateUserPoolClient", new JsonObject { ["UserPoolId"] = platform.Pool.PoolId, ["ClientName"] = "not-in-the-audience" }))["UserPoolClient"]!["ClientId"]!;
        var username = (string)JsonNode.Parse(Base64Url.DecodeFromChars(idToken.Split('.')[1]))!["cognito:username"]!;
        var tokens = await platform.PasswordSignInAsync(outside, username, LocalIdentityPlatform.Password);

        var result = await platform.Api().SendAsync("GET", "/me", "Bearer " + (string)tokens["AuthenticationResult"]!["AccessToken"]!);

        Assert.Equal(401, result.Status);
        Assert.Equal("the token does not have a valid audience", result.AuthorizerReason);
    }

    [Fact]
    public async Task A_token_without_the_routes_scope_is_403()
    {
        var tokens = await TokensAsync("scope");
        var before = BackendCalls;

        var write = await platform.Api().SendAsync("POST", "/items", "Bearer " + (string)tokens["AccessToken"]!, """{"name":"first"}""");
        var admin = await platform.Api().SendAsync("GET", "/admin/users", "Bearer " + (string)tokens["AccessToken"]!);

        Assert.Equal(403, write.Status);
        Assert.Equal("Forbidden", (string?)write.Body!["message"]);
        Assert.Contains("identitystack/write", write.AuthorizerReason, StringComparison.Ordinal);
        Assert.Equal(403, admin.Status);
        Assert.Contains("identitystack/admin", admin.AuthorizerReason, StringComparison.Ordinal);
        Assert.Equal(before, BackendCalls);
    }
}
