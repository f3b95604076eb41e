using System.Net;
using System.Text.Json.Nodes;
using IdentityStack.Testing;

namespace IdentityStack.Smoke.Tests;

/// <summary>
/// identity-smoke against a stage on 127.0.0.1: the app client's secret comes from cognito-local
/// (DescribeUserPoolClient over the JSON protocol, as against Cognito), the API, hosted page and
/// token endpoint from <see cref="FakeStage"/> (cognito-local has no client-credentials grant).
/// </summary>
#pragma warning disable CA1001 // xunit disposes the class through IAsyncLifetime.DisposeAsync.
public sealed class IdentitySmokeTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Stack = "IdentityStack-dev";
    private readonly HttpClient _http = new();
    private CognitoLocalServer? _cognito;
    private FakeStage? _stage;
    private string _poolId = string.Empty;
    private string _clientId = string.Empty;
    private string _outputs = string.Empty;

    public async Task InitializeAsync()
    {
        // The SDK's credential chain reads the process environment; these keys only ever reach 127.0.0.1.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDSMOKE");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "secret");
        _cognito = await CognitoLocalServer.StartAsync(new JsonObject { ["UserPoolDefaults"] = new JsonObject() });
        var cognito = new CognitoLocalClient(_http, _cognito.Url);
        _poolId = (string)(await cognito.CallAsync("CreateUserPool", new JsonObject { ["PoolName"] = "smoke" }))["UserPool"]!["Id"]!;
        var client = (await cognito.CallAsync("CreateUserPoolClient", new JsonObject
        {
            ["UserPoolId"] = _poolId,
            ["ClientName"] = "machine",
            ["GenerateSecret"] = true,
            ["AllowedOAuthFlows"] = new JsonArray("client_credentials"),
            ["AllowedOAuthScopes"] = new JsonArray("identitystack/read", "identitystack/write"),
        }))["UserPoolClient"]!;
        _clientId = (string)client["ClientId"]!;
        _stage = new FakeStage(_clientId, (string)client["ClientSecret"]!);
        _outputs = WriteOutputs(new JsonObject
        {
            ["ApiUrl"] = _stage.Url + "/",
            ["HostedSignInUrl"] = _stage.Url + "/oauth2/authorize?client_id=spa",
            ["DomainUrl"] = _stage.Url,
            ["UserPoolId"] = _poolId,
            ["MachineClientId"] = _clientId,
        });
    }

    public async Task DisposeAsync()
    {
        if (_cognito is not null)
        {
            await _cognito.DisposeAsync();
        }

        if (_stage is not null)
        {
            await _stage.DisposeAsync();
        }

        _http.Dispose();
    }

    private static string WriteOutputs(JsonObject outputs)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("identity-smoke-").FullName, "cdk-outputs.json");
        File.WriteAllText(file, new JsonObject { [Stack] = outputs }.ToJsonString());
        return file;
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cognito = _cognito!.Url;
        var exit = await SmokeProgram.RunAsync(args, output, error, name => string.Equals(name, CognitoJsonClient.EndpointVariable, StringComparison.Ordinal) ? cognito : null);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_healthy_stage_passes_every_check_with_one_line_each()
    {
        var (exit, output, _) = await RunAsync(_outputs, Stack);

        Assert.Equal(SmokeProgram.Passed, exit);
        var lines = output.Trim().Split('\n');
        Assert.Equal(
            ["PASS health is public", "PASS me needs a token", "PASS hosted sign-in answers", "PASS machine client gets a token",
             "PASS machine token in scope is let through", "PASS machine token out of scope is refused"],
            lines[..^1].Select(l => l.Split(':')[0]));
        Assert.Equal("verdict: PASS (6 checks)", lines[^1]);
        Assert.Contains(_clientId, lines[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET /me", HttpStatusCode.OK, "FAIL me needs a token: HTTP 200, expected 401")]
    [InlineData("GET /admin/users", HttpStatusCode.OK, "FAIL machine token out of scope is refused: HTTP 200, expected 403")]
    [InlineData("POST /oauth2/token", HttpStatusCode.BadRequest, "FAIL machine client gets a token: /oauth2/token answered HTTP 400")]
    [InlineData("POST /items", HttpStatusCode.Forbidden, "FAIL machine token in scope is let through: HTTP 403, expected 201")]
    public async Task A_broken_stage_fails_the_check_that_sees_it_and_exits_1(string route, HttpStatusCode answer, string line)
    {
        _stage!.Broken[route] = answer;

        var (exit, output, _) = await RunAsync(_outputs, Stack);

        Assert.Equal(SmokeProgram.CheckFailed, exit);
        Assert.Contains(line, output, StringComparison.Ordinal);
        Assert.StartsWith("verdict: FAIL", output.Trim().Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_machine_token_the_scope_checks_fail_as_not_tried()
    {
        _stage!.Broken["POST /oauth2/token"] = HttpStatusCode.BadRequest;

        var (_, output, _) = await RunAsync(_outputs, Stack);

        Assert.Contains("FAIL machine token in scope is let through: not tried: no machine token", output, StringComparison.Ordinal);
        Assert.EndsWith("verdict: FAIL (3 of 6 checks failed)", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_client_is_reported_from_cognitos_own_error()
    {
        var outputs = WriteOutputs(new JsonObject
        {
            ["ApiUrl"] = _stage!.Url, ["HostedSignInUrl"] = _stage.Url + "/oauth2/authorize", ["DomainUrl"] = _stage.Url,
            ["UserPoolId"] = _poolId, ["MachineClientId"] = "no-such-client",
        });

        var (exit, output, _) = await RunAsync(outputs, Stack);

        Assert.Equal(SmokeProgram.CheckFailed, exit);
        Assert.Contains("FAIL machine client gets a token: DescribeUserPoolClient: ResourceNotFoundException", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.json", Stack, "no such file")]
    [InlineData(null, "IdentityStack-prod", "has no stack IdentityStack-prod; stacks: IdentityStack-dev")]
    public async Task Bad_input_exits_2_and_says_what_to_fix(string? file, string stack, string message)
    {
        var (exit, output, error) = await RunAsync(file ?? _outputs, stack);

        Assert.Equal(SmokeProgram.BadInput, exit);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_output_exits_2_naming_it()
    {
        var outputs = WriteOutputs(new JsonObject { ["ApiUrl"] = _stage!.Url, ["UserPoolId"] = _poolId });

        var (exit, _, error) = await RunAsync(outputs, Stack);

        Assert.Equal(SmokeProgram.BadInput, exit);
        Assert.Contains("has no output HostedSignInUrl", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cognito_call_is_signed_with_sigv4_for_cognito_idp_in_the_pools_region()
    {
        await using var recording = new RecordingCognitoEndpoint { CognitoAnswer = (HttpStatusCode.OK, """{"UserPoolClient":{"ClientId":"c","ClientSecret":"s"}}""") };
        var client = CognitoJsonClient.For(_http, "eu-west-1_Abc123", name => string.Equals(name, CognitoJsonClient.EndpointVariable, StringComparison.Ordinal) ? recording.Url : null);

        var described = await client.DescribeUserPoolClientAsync("eu-west-1_Abc123", "c", CancellationToken.None);

        var request = Assert.Single(recording.Requests);
        Assert.Equal("s", described.ClientSecret);
        Assert.Equal("AWSCognitoIdentityProviderService.DescribeUserPoolClient", request.Header("x-amz-target"));
        Assert.Matches(@"^AWS4-HMAC-SHA256 Credential=AKIDSMOKE/\d{8}/eu-west-1/cognito-idp/aws4_request, SignedHeaders=[a-z0-9;-]*x-amz-target[a-z0-9;-]*, Signature=[0-9a-f]{64}$", request.Header("authorization"));
        Assert.Equal("""{"UserPoolId":"eu-west-1_Abc123","ClientId":"c"}""", request.Body);
    }
}
