using System.Net;
using System.Text;
using IdentityStack.Testing;
using IdentityStack.Triggers.Api;
using IdentityStack.Triggers.Cognito;
using IdentityStack.Triggers.Directory;

namespace IdentityStack.Triggers.Tests;

/// <summary>POST /developer-identity: legacy directory users get a developer identity of the identity pool, and nobody learns who exists.</summary>
public sealed class DeveloperLoginTests
{
    private const string Password = "Legacy-Passw0rd!";
    private static readonly LegacyUser OldUser = new("old.user@example.com", "old.user@example.com", true, "acme-01", PasswordHash.Create(Password, 20_000));
    private static readonly DeveloperLoginSettings Settings = new("eu-west-1:11111111-2222-3333-4444-555555555555", "login.example.app", TimeSpan.FromMinutes(15));

    private sealed class RecordingIdentity : ICognitoIdentity
    {
        public List<(string Pool, string Provider, string User, TimeSpan Duration)> Calls { get; } = [];

        public Exception? Failure { get; init; }

        public Task<DeveloperIdentityToken> GetOpenIdTokenForDeveloperIdentityAsync(string identityPoolId, string developerProvider, string userIdentifier, TimeSpan tokenDuration, CancellationToken cancellationToken)
        {
            Calls.Add((identityPoolId, developerProvider, userIdentifier, tokenDuration));
            return Failure is null ? Task.FromResult(new DeveloperIdentityToken("eu-west-1:identity-1", "open-id-token")) : Task.FromException<DeveloperIdentityToken>(Failure);
        }
    }

    private static ApiBackend Backend(ICognitoIdentity identity, Func<string, string, bool>? verify = null, TextWriter? log = null) =>
        new("identitystack", "admins", () => throw new InvalidOperationException("not listed"), TimeProvider.System,
            new DeveloperLogin(new Lazy<ILegacyUserStore>(new InMemoryLegacyUsers(OldUser)), identity, Settings, verify ?? PasswordHash.Verify, log ?? TextWriter.Null));

    private static async Task<(int Status, JsonElement Body)> PostAsync(ApiBackend backend, string? body, bool base64 = false)
    {
        var request = new JsonObjectBuilder(body, base64).Build();
        var answer = await backend.InvokeAsync(Encoding.UTF8.GetBytes(request), new TestContext(), CancellationToken.None);
        using var response = JsonDocument.Parse(answer);
        var status = response.RootElement.GetProperty("statusCode").GetInt32();
        return (status, JsonDocument.Parse(response.RootElement.GetProperty("body").GetString()!).RootElement.Clone());
    }

    /// <summary>An HTTP API payload v2.0 request for POST /developer-identity with no authorizer (the route is public).</summary>
    private sealed record JsonObjectBuilder(string? Body, bool Base64)
    {
        public string Build() => JsonSerializer.Serialize(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["version"] = "2.0",
            ["routeKey"] = "POST /developer-identity",
            ["rawPath"] = "/developer-identity",
            ["body"] = Base64 && Body is not null ? Convert.ToBase64String(Encoding.UTF8.GetBytes(Body)) : Body,
            ["isBase64Encoded"] = Base64,
            ["requestContext"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["http"] = new Dictionary<string, string>(StringComparer.Ordinal) { ["method"] = "POST", ["path"] = "/developer-identity" } },
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_right_password_gets_an_identity_id_and_token_for_the_directory_user(bool base64)
    {
        var identity = new RecordingIdentity();

        var (status, body) = await PostAsync(Backend(identity), $$"""{"username":"Old.User@example.com","password":"{{Password}}"}""", base64);

        Assert.Equal(200, status);
        Assert.Equal("eu-west-1:identity-1", body.GetProperty("identityId").GetString());
        Assert.Equal("open-id-token", body.GetProperty("token").GetString());
        Assert.Equal(900, body.GetProperty("expiresIn").GetInt64());
        // The developer user identifier is the directory's key for the user, whatever case was typed.
        Assert.Equal([(Settings.IdentityPoolId, "login.example.app", "old.user@example.com", TimeSpan.FromMinutes(15))], identity.Calls);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_answer_after_the_same_hash_work()
    {
        var identity = new RecordingIdentity();
        var verified = new List<string>();
        var backend = Backend(identity, (password, stored) =>
        {
            verified.Add(stored);
            return PasswordHash.Verify(password, stored);
        });

        var wrong = await PostAsync(backend, """{"username":"old.user@example.com","password":"not-it"}""");
        var unknown = await PostAsync(backend, """{"username":"nobody@example.com","password":"not-it"}""");

        Assert.Equal(401, wrong.Status);
        Assert.Equal(wrong.Body.GetRawText(), unknown.Body.GetRawText());
        Assert.Equal([OldUser.PasswordHash, PasswordHash.NoUser], verified);
        Assert.Empty(identity.Calls);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"username":"old.user@example.com"}""")]
    [InlineData("""{"username":123,"password":"x"}""")]
    [InlineData("""{"username":"","password":"x"}""")]
    [InlineData("""{"username":null,"password":null}""")]
    public async Task A_malformed_body_is_refused_before_any_lookup(string? body)
    {
        var identity = new RecordingIdentity();
        var verified = 0;

        var (status, answer) = await PostAsync(Backend(identity, (_, _) => ++verified > 0), body);

        Assert.Equal(400, status);
        Assert.Equal("bad_request", answer.GetProperty("error").GetString());
        Assert.Equal(0, verified);
        Assert.Empty(identity.Calls);
    }

    [Fact]
    public async Task A_huge_username_is_refused_without_hashing()
    {
        var verified = 0;
        var (status, _) = await PostAsync(Backend(new RecordingIdentity(), (_, _) => ++verified > 0), $$"""{"username":"{{new string('a', 5000)}}","password":"x"}""");

        Assert.Equal(400, status);
        Assert.Equal(0, verified);
    }

    [Fact]
    public async Task A_failing_identity_service_is_a_502_that_names_nothing_and_is_logged()
    {
        var log = new StringWriter();
        var identity = new RecordingIdentity { Failure = new CognitoServiceException("ResourceNotFoundException", "IdentityPool 'eu-west-1:x' not found.") };

        var (status, body) = await PostAsync(Backend(identity, log: log), $$"""{"username":"old.user@example.com","password":"{{Password}}"}""");

        Assert.Equal(502, status);
        Assert.Equal("identity_unavailable", body.GetProperty("error").GetString());
        Assert.DoesNotContain("eu-west-1", body.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("ResourceNotFoundException", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_without_developer_login_answers_404_on_the_route()
    {
        var backend = new ApiBackend("identitystack", "admins", () => throw new InvalidOperationException("not listed"), TimeProvider.System);

        var (status, body) = await PostAsync(backend, """{"username":"a","password":"b"}""");

        Assert.Equal(404, status);
        Assert.Contains("developer login is not configured", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_signs_a_GetOpenIdTokenForDeveloperIdentity_call_and_reads_the_answer()
    {
        await using var endpoint = new RecordingCognitoEndpoint { CognitoAnswer = (HttpStatusCode.OK, """{"IdentityId":"eu-west-1:abc","Token":"tok"}""") };
        using var http = new HttpClient();
        var credentials = new Amazon.Runtime.SessionAWSCredentials("AKIDEXAMPLE", "secret", "session-token");
        var client = new CognitoIdentityClient(new CognitoJsonClient(http, new Uri(endpoint.Url + "/"), Amazon.RegionEndpoint.EUWest1, CognitoIdentityClient.Service, () => credentials, TimeProvider.System));

        var token = await client.GetOpenIdTokenForDeveloperIdentityAsync("eu-west-1:pool", "login.example.app", "old.user@example.com", TimeSpan.FromMinutes(15), CancellationToken.None);

        Assert.Equal(new DeveloperIdentityToken("eu-west-1:abc", "tok"), token);
        var call = Assert.Single(endpoint.Requests);
        Assert.Equal("AWSCognitoIdentityService.GetOpenIdTokenForDeveloperIdentity", call.Header("x-amz-target"));
        Assert.Equal("application/x-amz-json-1.1", call.Header("content-type"));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", call.Header("authorization"), StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/cognito-identity/aws4_request", call.Header("authorization"), StringComparison.Ordinal);
        Assert.Equal("session-token", call.Header("x-amz-security-token"));
        using var sent = JsonDocument.Parse(call.Body);
        Assert.Equal("eu-west-1:pool", sent.RootElement.GetProperty("IdentityPoolId").GetString());
        Assert.Equal("old.user@example.com", sent.RootElement.GetProperty("Logins").GetProperty("login.example.app").GetString());
        Assert.Equal(900, sent.RootElement.GetProperty("TokenDuration").GetInt64());
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.cognito.identity#NotAuthorizedException","message":"denied"}""", "NotAuthorizedException")]
    [InlineData(HttpStatusCode.OK, """{"IdentityId":"eu-west-1:abc"}""", "InvalidResponse")]
    [InlineData(HttpStatusCode.OK, "not json", "InvalidResponse")]
    [InlineData(HttpStatusCode.InternalServerError, "oops", "HTTP 500")]
    public async Task Error_answers_become_a_service_exception_with_the_error_type(HttpStatusCode status, string answer, string errorType)
    {
        await using var endpoint = new RecordingCognitoEndpoint { CognitoAnswer = (status, answer) };
        using var http = new HttpClient();
        var client = new CognitoIdentityClient(new CognitoJsonClient(http, new Uri(endpoint.Url + "/"), Amazon.RegionEndpoint.EUWest1, CognitoIdentityClient.Service, () => new Amazon.Runtime.BasicAWSCredentials("a", "b"), TimeProvider.System));

        var error = await Assert.ThrowsAsync<CognitoServiceException>(() => client.GetOpenIdTokenForDeveloperIdentityAsync("p", "d", "u", TimeSpan.FromMinutes(1), CancellationToken.None));

        Assert.Equal(errorType, error.ErrorType);
    }
}
