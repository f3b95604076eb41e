using System.Net;
using System.Text;
using IdentityStack.Testing;
using IdentityStack.Triggers.Api;
using IdentityStack.Triggers.Cognito;
using IdentityStack.Triggers.Directory;
using IdentityStack.Lambda.Runtime;
using System.Text.Json.Nodes;

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

    private static readonly TriggerSettings NoAllowList = Fixtures.Settings();

    private static DeveloperLoginHandler Backend(
        ICognitoIdentity identity,
        Func<string, string, bool>? verify = null,
        TextWriter? log = null,
        InMemoryLoginDirectory? directory = null,
        TimeProvider? time = null,
        TriggerSettings? rules = null,
        params LegacyUser[] users) =>
        new(new DeveloperLogin(
            new Lazy<ILegacyUserStore>(new InMemoryLegacyUsers(users.Length == 0 ? [OldUser] : users)),
            new Lazy<IDeveloperLoginDirectory>(directory ?? new InMemoryLoginDirectory()),
            identity,
            Settings,
            rules ?? NoAllowList,
            verify ?? PasswordHash.Verify,
            time ?? new SteppingClock(DateTimeOffset.UnixEpoch),
            log ?? TextWriter.Null));

    private static async Task<(int Status, JsonElement Body)> PostAsync(ILambdaHandler backend, string? body, bool base64 = false)
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
    [InlineData("""{"username":"old.user@example.com","password":""}""")]
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
        Assert.Equal("The identity service did not answer; try again later.", body.GetProperty("message").GetString());
        Assert.DoesNotContain("eu-west-1", body.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("developer login: GetOpenIdTokenForDeveloperIdentity failed: ResourceNotFoundException", log.ToString().Trim());
    }

    [Fact]
    public async Task The_backend_never_serves_the_route_its_own_function_does()
    {
        var backend = new ApiBackend("identitystack", "admins", () => throw new InvalidOperationException("not listed"), TimeProvider.System);

        var (status, body) = await PostAsync(backend, """{"username":"a","password":"b"}""");

        Assert.Equal(404, status);
        Assert.Contains("function of its own", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    // Point 3 of the tenant-isolation review: the legacy password must not be a side door around the pool.
    [Fact]
    public async Task A_user_the_migration_trigger_imported_gets_no_identity_with_the_old_password()
    {
        var identity = new RecordingIdentity();
        var migrated = OldUser with { MigratedAt = DateTimeOffset.UnixEpoch };

        var (status, body) = await PostAsync(Backend(identity, users: migrated), $$"""{"username":"old.user@example.com","password":"{{Password}}"}""");

        Assert.Equal(403, status);
        Assert.Equal("account_migrated", body.GetProperty("error").GetString());
        Assert.Empty(identity.Calls);
    }

    [Fact]
    public async Task A_suspended_tenants_user_gets_no_identity()
    {
        var identity = new RecordingIdentity();
        var directory = new InMemoryLoginDirectory();
        directory.SuspendedTenants.Add("acme-01");

        var (status, body) = await PostAsync(Backend(identity, directory: directory), $$"""{"username":"old.user@example.com","password":"{{Password}}"}""");

        Assert.Equal(403, status);
        Assert.Equal("tenant_suspended", body.GetProperty("error").GetString());
        Assert.Empty(identity.Calls);
    }

    [Theory]
    [InlineData("someone@evil.test", true, null, "email_domain")]
    [InlineData("someone@example.com", false, "acme-01", "email_unverified")]
    public async Task The_allow_list_holds_here_as_at_every_token_issue(string email, bool verified, string? tenant, string error)
    {
        var identity = new RecordingIdentity();
        var user = new LegacyUser(email, email, verified, tenant, PasswordHash.Create(Password, 20_000));
        var rules = Fixtures.Settings((TriggerEnvironment.AllowedEmailDomains, "example.com"));

        var (status, body) = await PostAsync(Backend(identity, rules: rules, users: user), $$"""{"username":"{{email}}","password":"{{Password}}"}""");

        Assert.Equal(403, status);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Empty(identity.Calls);
    }

    [Fact]
    public async Task An_administrator_given_tenant_exempts_from_the_domain_as_for_pool_users()
    {
        var identity = new RecordingIdentity();
        var user = new LegacyUser("contractor@partner.test", "contractor@partner.test", true, "acme-01", PasswordHash.Create(Password, 20_000));

        var (status, _) = await PostAsync(Backend(identity, rules: Fixtures.Settings((TriggerEnvironment.AllowedEmailDomains, "example.com")), users: user), $$"""{"username":"contractor@partner.test","password":"{{Password}}"}""");

        Assert.Equal(200, status);
    }

    // Per-username counting, checked before the PBKDF2 work: a locked username costs nothing, and an
    // unknown username locks exactly like a known one (the lock tells nobody who exists).
    [Theory]
    [InlineData("old.user@example.com")]
    [InlineData("nobody@example.com")]
    public async Task Five_failures_lock_the_username_before_any_password_work_and_the_lock_grows(string username)
    {
        var clock = new SteppingClock(DateTimeOffset.UnixEpoch);
        var directory = new InMemoryLoginDirectory();
        var verified = 0;
        var backend = Backend(new RecordingIdentity(), (password, stored) => { verified++; return PasswordHash.Verify(password, stored); }, directory: directory, time: clock);
        var wrong = $$"""{"username":"{{username}}","password":"not-it"}""";

        for (var i = 0; i < LoginAttempts.FreeFailures; i++)
        {
            Assert.Equal(401, (await PostAsync(backend, wrong)).Status);
        }

        var (status, body) = await PostAsync(backend, wrong);
        var (rightPassword, _) = await PostAsync(backend, $$"""{"username":"{{username}}","password":"{{Password}}"}""");

        Assert.Equal(429, status);
        Assert.Equal("too_many_attempts", body.GetProperty("error").GetString());
        Assert.Equal(429, rightPassword); // locked means locked, whatever the password
        Assert.Equal(LoginAttempts.FreeFailures, verified);
        var attempts = Assert.Single(directory.Attempts).Value;
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(1), attempts.LockedUntil);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(401, (await PostAsync(backend, wrong)).Status); // the lock ran out: one more try, then twice as long
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(2), Assert.Single(directory.Attempts).Value.LockedUntil);
    }

    [Fact]
    public async Task The_right_password_clears_the_failures()
    {
        var directory = new InMemoryLoginDirectory();
        var backend = Backend(new RecordingIdentity(), directory: directory);

        await PostAsync(backend, """{"username":"old.user@example.com","password":"not-it"}""");
        var (status, _) = await PostAsync(backend, $$"""{"username":"Old.User@example.com","password":"{{Password}}"}""");

        Assert.Equal(200, status);
        Assert.Empty(directory.Attempts);
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(8, 8)]
    [InlineData(11, 60)]
    [InlineData(400, 60)]
    public void The_lock_doubles_from_a_minute_up_to_an_hour(int failures, int? minutes)
    {
        var attempts = new LoginAttempts(failures, DateTimeOffset.UnixEpoch);

        Assert.Equal(minutes is null ? null : DateTimeOffset.UnixEpoch + TimeSpan.FromMinutes(minutes.Value), attempts.LockedUntil);
    }

    // An unknown user, a malformed or foreign hash and a wrong password answer after the same minimum
    // time (longer than any stored hash's PBKDF2 work), so time tells nothing about who exists.
    [Theory]
    [InlineData("nobody@example.com", null)]
    [InlineData("old.user@example.com", null)]
    [InlineData("broken@example.com", "not-a-hash")]
    [InlineData("foreign@example.com", "bcrypt$2b$12$abcdefghijklmnopqrstuv")]
    public async Task Every_refused_password_waits_out_the_same_minimum_time(string username, string? storedHash)
    {
        var clock = new SteppingClock(DateTimeOffset.UnixEpoch);
        var users = storedHash is null ? new[] { OldUser } : [OldUser, new LegacyUser(username, username, true, null, storedHash)];
        var backend = Backend(new RecordingIdentity(), (password, stored) => { clock.Advance(TimeSpan.FromMilliseconds(150)); return PasswordHash.Verify(password, stored); }, time: clock, users: users);

        var (status, _) = await PostAsync(backend, $$"""{"username":"{{username}}","password":"not-it"}""");

        Assert.Equal(401, status);
        Assert.Equal([Settings.MinimumRefusalTime - TimeSpan.FromMilliseconds(150)], clock.Delays);
    }

    [Fact]
    public async Task Each_wrong_password_is_counted_for_the_routes_alarm()
    {
        var log = new StringWriter();

        await PostAsync(Backend(new RecordingIdentity(), log: log), """{"username":"nobody@example.com","password":"not-it"}""");

        var line = JsonNode.Parse(log.ToString().Trim())!;
        Assert.Equal(1, line[TriggerMetricNames.DeveloperLoginFailure]!.GetValue<int>());
        Assert.DoesNotContain("nobody", log.ToString(), StringComparison.Ordinal); // no username in the log
    }

    [Fact]
    public async Task Other_routes_on_the_login_function_are_404()
    {
        var handler = Backend(new RecordingIdentity());
        var request = new JsonObjectBuilder("{}", false).Build().Replace("/developer-identity", "/me", StringComparison.Ordinal).Replace("\"POST\"", "\"GET\"", StringComparison.Ordinal);

        using var response = JsonDocument.Parse(await handler.InvokeAsync(Encoding.UTF8.GetBytes(request), new TestContext(), CancellationToken.None));

        Assert.Equal(404, response.RootElement.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public void The_counter_key_is_a_hash_of_the_lower_case_username()
    {
        Assert.Equal(DeveloperLogin.AttemptsKey("Old.User@Example.com"), DeveloperLogin.AttemptsKey("old.user@example.com"));
        Assert.Equal(64, DeveloperLogin.AttemptsKey(new string('a', 1024)).Length);
        Assert.DoesNotContain("old", DeveloperLogin.AttemptsKey("old.user@example.com"), StringComparison.Ordinal);
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

    /// <summary>Each answer of the login word for word: the code a client branches on and the sentence a person reads.</summary>
    [Fact]
    public async Task Each_answer_says_its_code_and_sentence()
    {
        var directory = new InMemoryLoginDirectory();
        directory.Attempts[DeveloperLogin.AttemptsKey("locked@example.com")] = new LoginAttempts(5, DateTimeOffset.UnixEpoch);
        var backend = Backend(new RecordingIdentity(), directory: directory);

        var (_, malformed) = await PostAsync(backend, "{}");
        var (_, locked) = await PostAsync(backend, """{"username":"locked@example.com","password":"x"}""");
        var (_, wrong) = await PostAsync(backend, """{"username":"nobody@example.com","password":"x"}""");

        static string Same(string json) => JsonNode.Parse(json)!.ToJsonString();
        Assert.Equal(Same("""{"error":"bad_request","message":"The body is JSON like {\"username\": \"...\", \"password\": \"...\"}: both required, 1-1024 characters."}"""), Same(malformed.GetRawText()));
        Assert.Equal(Same("""{"error":"too_many_attempts","message":"Too many failed sign-ins for this username; try again later."}"""), Same(locked.GetRawText()));
        Assert.Equal(Same("""{"error":"invalid_credentials","message":"The username or password is wrong."}"""), Same(wrong.GetRawText()));
    }

    [Fact]
    public async Task A_wrong_password_is_logged_as_such_and_counted_from_scratch_or_on_top()
    {
        var log = new StringWriter();
        var directory = new InMemoryLoginDirectory();
        var backend = Backend(new RecordingIdentity(), log: log, directory: directory);

        await PostAsync(backend, """{"username":"nobody@example.com","password":"x"}""");
        await PostAsync(backend, """{"username":"nobody@example.com","password":"x"}""");

        Assert.Equal("wrong username or password", JsonNode.Parse(log.ToString().Split('\n')[0])!["note"]!.GetValue<string>());
        Assert.Equal(2, Assert.Single(directory.Attempts).Value.Failures);
    }

    [Fact]
    public async Task The_right_password_without_failures_clears_nothing()
    {
        var directory = new InMemoryLoginDirectory();

        var (status, _) = await PostAsync(Backend(new RecordingIdentity(), directory: directory), $$"""{"username":"old.user@example.com","password":"{{Password}}"}""");

        Assert.Equal(200, status);
        Assert.Equal(0, directory.Clears);
    }

    [Fact]
    public async Task Without_an_allow_list_an_unverified_legacy_email_gets_an_identity()
    {
        var unverified = OldUser with { EmailVerified = false, TenantId = null };

        var (status, _) = await PostAsync(Backend(new RecordingIdentity(), users: unverified), $$"""{"username":"old.user@example.com","password":"{{Password}}"}""");

        Assert.Equal(200, status);
    }

    [Theory]
    [InlineData(1024, 1, 401)]
    [InlineData(1025, 1, 400)]
    [InlineData(1, 1024, 401)]
    [InlineData(1, 1025, 400)]
    public async Task Usernames_and_passwords_of_up_to_1024_characters_are_checked(int usernameLength, int passwordLength, int expected)
    {
        var (status, _) = await PostAsync(Backend(new RecordingIdentity()), $$"""{"username":"{{new string('u', usernameLength)}}","password":"{{new string('p', passwordLength)}}"}""");

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task A_body_that_is_not_base64_though_flagged_so_is_a_400()
    {
        var request = new JsonObjectBuilder("not base64 !!", false).Build().Replace("\"isBase64Encoded\":false", "\"isBase64Encoded\":true", StringComparison.Ordinal);

        using var response = JsonDocument.Parse(await Backend(new RecordingIdentity()).InvokeAsync(Encoding.UTF8.GetBytes(request), new TestContext(), CancellationToken.None));

        Assert.Equal(400, response.RootElement.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task The_login_function_answers_a_malformed_event_with_a_400_that_says_why()
    {
        var handler = Backend(new RecordingIdentity());

        using var noHttp = JsonDocument.Parse(await handler.InvokeAsync(Encoding.UTF8.GetBytes("""{"version":"2.0"}"""), new TestContext(), CancellationToken.None));
        using var notJson = JsonDocument.Parse(await handler.InvokeAsync(Encoding.UTF8.GetBytes("[1,"), new TestContext(), CancellationToken.None));

        Assert.Equal("""{"error":"bad_request","message":"The event is not an HTTP API payload v2.0 request (requestContext.http is missing)."}""", JsonNode.Parse(noHttp.RootElement.GetProperty("body").GetString()!)!.ToJsonString());
        Assert.Equal("""{"error":"bad_request","message":"The event is not valid JSON."}""", JsonNode.Parse(notJson.RootElement.GetProperty("body").GetString()!)!.ToJsonString());
    }

    [Fact]
    public async Task Another_route_on_the_login_function_says_it_is_not_served_there()
    {
        var request = new JsonObjectBuilder("{}", false).Build().Replace("/developer-identity", "/me", StringComparison.Ordinal).Replace("\"POST\"", "\"GET\"", StringComparison.Ordinal);

        using var response = JsonDocument.Parse(await Backend(new RecordingIdentity()).InvokeAsync(Encoding.UTF8.GetBytes(request), new TestContext(), CancellationToken.None));

        var body = JsonNode.Parse(response.RootElement.GetProperty("body").GetString()!)!;
        Assert.Equal("No route GET /me on the developer login function.", body["message"]!.GetValue<string>());
        Assert.Equal("not_found", body["error"]!.GetValue<string>());
    }
}
