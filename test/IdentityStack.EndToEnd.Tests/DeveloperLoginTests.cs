using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityStack.Testing;
using Xunit.Abstractions;

namespace IdentityStack.EndToEnd.Tests;

/// <summary>
/// A user of the legacy directory gets a developer identity through the real AOT backend, on
/// 127.0.0.1: the synthesized dev stage's public route, the legacy table on a recording DynamoDB,
/// and Amazon Cognito Identity on a loopback endpoint that records the signed call.
/// </summary>
public sealed class DeveloperLoginTests(LocalIdentityPlatform platform, ITestOutputHelper output) : IClassFixture<LocalIdentityPlatform>
{
    private const string LegacyUser = "legacy.user@example.com";
    private const string LegacyPassword = "Legacy-Passw0rd!";

    /// <summary>The legacy table answers <see cref="LegacyUser"/> with a PBKDF2 hash of <see cref="LegacyPassword"/>, and nobody else.</summary>
    private void SeedLegacyDirectory(string? migratedAt = null)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(LegacyPassword), salt, 20_000, HashAlgorithmName.SHA256, 32);
        var item = new JsonObject
        {
            ["Item"] = new JsonObject
            {
                ["username"] = new JsonObject { ["S"] = LegacyUser },
                ["email"] = new JsonObject { ["S"] = LegacyUser },
                ["email_verified"] = new JsonObject { ["BOOL"] = true },
                ["password_hash"] = new JsonObject { ["S"] = $"pbkdf2-sha256$20000${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}" },
            },
        };
        if (migratedAt is not null)
        {
            item["Item"]!["migrated_at"] = new JsonObject { ["S"] = migratedAt };
        }

        var answer = item.ToJsonString();
        platform.DynamoDb.Answer = (operation, body) =>
            string.Equals(operation, "GetItem", StringComparison.Ordinal)
            && body.TryGetProperty("Key", out var key) && key.TryGetProperty("username", out var username) && string.Equals(username.GetProperty("S").GetString(), LegacyUser, StringComparison.Ordinal)
                ? (HttpStatusCode.OK, answer)
                : (HttpStatusCode.OK, "{}");
    }

    private Task<EndToEnd.Tests.Api.ApiResult> LoginAsync(string username, string password) =>
        platform.Api().SendAsync("POST", "/developer-identity", authorization: null, body: new JsonObject { ["username"] = username, ["password"] = password }.ToJsonString());

    [Fact]
    public async Task The_right_password_gets_an_identity_id_and_token_issued_for_the_directory_user()
    {
        SeedLegacyDirectory();

        var result = await LoginAsync("Legacy.User@example.com", LegacyPassword);

        Assert.Equal(200, result.Status);
        Assert.Equal("public route", result.AuthorizerReason);
        Assert.Equal("eu-west-1:00000000-0000-4000-8000-000000000001", (string?)result.Body!["identityId"]);
        Assert.Equal("local-open-id-token", (string?)result.Body["token"]);
        Assert.Equal(900, (long)result.Body["expiresIn"]!);
        var call = platform.CognitoIdentity.Requests.Last();
        Assert.Equal("AWSCognitoIdentityService.GetOpenIdTokenForDeveloperIdentity", call.Header("x-amz-target"));
        Assert.Contains("/cognito-identity/aws4_request", call.Header("authorization"), StringComparison.Ordinal);
        using var sent = JsonDocument.Parse(call.Body);
        Assert.Equal(LegacyUser, sent.RootElement.GetProperty("Logins").GetProperty("login.identitystack.dev").GetString());
        Assert.Equal(900, sent.RootElement.GetProperty("TokenDuration").GetInt64());
        Assert.StartsWith("IdentityPool", sent.RootElement.GetProperty("IdentityPoolId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_401_and_no_identity()
    {
        SeedLegacyDirectory();
        var before = platform.CognitoIdentity.Requests.Count;

        var watch = Stopwatch.StartNew();
        var wrong = await LoginAsync(LegacyUser, "not-the-password");
        var wrongTime = watch.Elapsed;
        watch.Restart();
        var unknown = await LoginAsync("nobody@example.com", "not-the-password");
        var unknownTime = watch.Elapsed;

        Assert.Equal(401, wrong.Status);
        Assert.Equal(401, unknown.Status);
        Assert.Equal(wrong.Body!.ToJsonString(), unknown.Body!.ToJsonString());
        Assert.Equal(before, platform.CognitoIdentity.Requests.Count);
        // Both paths run the PBKDF2 check (DeveloperLoginTests in the unit tests proves the dummy
        // hash); the times are shown, not asserted: this machine's timing is too noisy to judge.
        output.WriteLine($"wrong password: {wrongTime.TotalMilliseconds:F0} ms, unknown user: {unknownTime.TotalMilliseconds:F0} ms");
    }

    // Once the user migration trigger imported the user, the legacy password opens nothing: the
    // developer login refuses, through its own function, with the pool as the only way in.
    [Fact]
    public async Task A_migrated_user_gets_no_identity_and_the_login_runs_on_its_own_function()
    {
        SeedLegacyDirectory(migratedAt: "2026-12-06T12:00:00.0000000+00:00");
        var before = platform.CognitoIdentity.Requests.Count;

        var result = await LoginAsync(LegacyUser, LegacyPassword);

        Assert.Equal(403, result.Status);
        Assert.Equal("account_migrated", (string?)result.Body!["error"]);
        Assert.Equal(before, platform.CognitoIdentity.Requests.Count);
        var loginFunction = platform.Functions.RouteFunctions["POST /developer-identity"];
        Assert.NotEqual(platform.Functions.ApiBackend, loginFunction);
        Assert.Contains(platform.Lambda.Invocations, i => string.Equals(i.Function, loginFunction, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_wrong_password_is_counted_on_the_usernames_hashed_counter()
    {
        SeedLegacyDirectory();

        await LoginAsync(LegacyUser, "not-the-password");

        var counter = platform.DynamoDb.Requests.Last(r => string.Equals(r.Operation, "UpdateItem", StringComparison.Ordinal)).Body;
        var key = counter.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString()!;
        Assert.StartsWith("LOGIN#", key, StringComparison.Ordinal);
        Assert.DoesNotContain("legacy", key, StringComparison.Ordinal);
    }
}
