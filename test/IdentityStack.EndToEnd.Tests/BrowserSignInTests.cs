using System.Diagnostics;
using System.Text.Json.Nodes;
using IdentityStack.EndToEnd.Tests.Api;
using IdentityStack.Testing;

namespace IdentityStack.EndToEnd.Tests;

/// <summary>
/// The sample web app (samples/web, Amplify JS 6) in headless Chromium against the local dev stage:
/// cognito-local with the real triggers, the synthesized authorizer in front of the real backend.
/// The page loads the amplify_outputs.json that ./build.sh client-config writes for this local
/// stack, and is served from http://localhost:5173, an origin the dev API's CORS allows.
/// </summary>
public sealed class BrowserSignInTests(LocalIdentityPlatform platform) : IClassFixture<LocalIdentityPlatform>
{
    private const string PageOrigin = "http://localhost:5173";
    private static readonly string Screenshot = RepositoryRoot.File(Path.Combine("artifacts", "web", "signed-in.png"));

    private static async Task<(int ExitCode, string Stdout, string Stderr)> NodeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node", arguments) { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task A_person_signs_in_sees_the_tenant_and_the_api_answer_and_signs_out_in_a_real_browser()
    {
        await using var api = new LocalHttpApiServer(platform.Api(), platform.Pool.Template);
        Assert.Contains(PageOrigin, api.AllowedOrigins);
        var username = $"anna-{Guid.NewGuid():N}"[..16];
        await platform.InvitedUserAsync(username, "acme-01", "members");
        var site = Directory.CreateTempSubdirectory("sample-web-").FullName;
        var outputsFile = Path.Combine(site, "cdk-outputs.json");
        await File.WriteAllTextAsync(outputsFile, new JsonObject
        {
            ["IdentityStack-dev"] = new JsonObject
            {
                ["UserPoolId"] = platform.Pool.PoolId,
                ["SpaClientId"] = platform.Spa.ClientId,
                ["DomainUrl"] = "https://example-identity-dev.auth.eu-west-1.amazoncognito.com",
                ["ApiUrl"] = api.Url,
            },
        }.ToJsonString());

        var config = await NodeAsync("tools/client-config/client-config.mjs", "--stage", "dev", "--outputs", outputsFile, "--out", Path.Combine(site, "amplify_outputs.json"), "--user-pool-endpoint", platform.Server.Url);
        var build = await NodeAsync("samples/web/build.mjs", "--out", site);
        Assert.True(config.ExitCode == 0, config.Stderr);
        Assert.True(build.ExitCode == 0, build.Stderr);
        if (File.Exists(Screenshot))
        {
            File.Delete(Screenshot);
        }

        var run = await NodeAsync("samples/web/test/browser-sign-in.mjs", "--site", site, "--origin", PageOrigin, "--username", username, "--password", LocalIdentityPlatform.Password, "--refused-email", "mallory@elsewhere.test", "--screenshot", Screenshot);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var seen = JsonNode.Parse(run.Stdout.Trim().Split('\n')[^1])!;
        Assert.Contains("Sign-up with this email domain is not allowed. Use your organisation's email address.", (string?)seen["refused"], StringComparison.Ordinal);
        Assert.Equal(username, (string?)seen["user"]);
        Assert.Equal("acme-01", (string?)seen["tenant"]);
        Assert.Equal("members", (string?)seen["groups"]);
        Assert.False((bool)seen["formsVisible"]!, "signed in, the page shows the account, not the sign-in forms");
        var me = ((string)seen["me"]!).Split('\n', 2);
        Assert.Equal("200", me[0]);
        var answer = JsonNode.Parse(me[1])!;
        Assert.Equal(username, (string?)answer["username"]);
        Assert.Equal(["members"], answer["groups"]!.AsArray().Select(g => (string)g!));
        // The page sends the access token. cognito-local runs pre token generation as version 1, which
        // changes only the ID token, so locally the access token has no tenant_id; Cognito runs it as
        // V3_0 and the access token carries it (BootstrapContractTests, TriggerWiringTests).
        Assert.Null(answer["tenant"]);
        Assert.Equal("Signed out.", (string?)seen["afterSignOut"]!["status"]);
        Assert.Empty(seen["afterSignOut"]!["tokensLeft"]!.AsArray());
        Assert.True((bool)seen["afterSignOut"]!["formsVisible"]!);
        Assert.False((bool)seen["afterSignOut"]!["accountVisible"]!);
        Assert.Empty(seen["consoleErrors"]!.AsArray());
        Assert.True(new FileInfo(Screenshot).Length > 1000, "the signed-in screenshot is written under artifacts/web/");
    }
}
