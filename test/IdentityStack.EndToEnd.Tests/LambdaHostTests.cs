using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IdentityStack.Testing;

namespace IdentityStack.EndToEnd.Tests;

/// <summary>The harness piece that lets cognito-local call our triggers: Invoke API in, real AOT bootstrap behind.</summary>
public sealed class LambdaHostTests
{
    private static readonly string Bootstrap = RepositoryRoot.File(Path.Combine("artifacts", "bootstrap", "linux-x64", "bootstrap"));

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", name));

    private static LambdaHost Host() => new(Bootstrap,
    [
        new LambdaFunctionDefinition("identity-dev-pre-sign-up", "PreSignUp", new Dictionary<string, string>(StringComparer.Ordinal) { ["ALLOWED_EMAIL_DOMAINS"] = "example.com" }),
    ]);

    private static async Task<HttpResponseMessage> InvokeAsync(HttpClient http, LambdaHost host, string function, string payload) =>
        await http.PostAsync(new Uri($"{host.Url}/2015-03-31/functions/{function}/invocations"), new StringContent(payload, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task An_invocation_reaches_the_real_bootstrap_and_a_warm_second_one_reuses_it()
    {
        Assert.True(File.Exists(Bootstrap), $"{Bootstrap} is missing: ./build.sh publish");
        await using var host = Host();
        using var http = new HttpClient();

        using var first = await InvokeAsync(http, host, "identity-dev-pre-sign-up", Fixture("pre-signup-sign-up.json"));
        var process = host.Processes["identity-dev-pre-sign-up"];
        using var second = await InvokeAsync(http, host, "identity-dev-pre-sign-up", Fixture("pre-signup-sign-up.json"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("X-Amz-Function-Error"));
        var e = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        Assert.Equal("maria@example.com", e["request"]!["userAttributes"]!["email"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Same(process, host.Processes["identity-dev-pre-sign-up"]);
    }

    [Fact]
    public async Task A_trigger_refusal_comes_back_as_lambda_returns_it_and_nothing_is_left_running()
    {
        System.Diagnostics.Process process;
        await using (var host = Host())
        {
            using var http = new HttpClient();
            var refused = Fixture("pre-signup-sign-up.json").Replace("maria@example.com", "maria@elsewhere.test", StringComparison.Ordinal);

            using var response = await InvokeAsync(http, host, "identity-dev-pre-sign-up", refused);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
            var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("Sign-up with this email domain is not allowed. Use your organisation's email address.", error["errorMessage"]!.GetValue<string>());
            process = host.Processes["identity-dev-pre-sign-up"];
        }

        Assert.True(process.HasExited);
    }

    [Fact]
    public async Task An_unknown_function_is_404_resource_not_found()
    {
        await using var host = Host();
        using var http = new HttpClient();

        using var response = await InvokeAsync(http, host, "nope", "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFoundException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }
}
