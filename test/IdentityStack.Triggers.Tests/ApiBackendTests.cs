using System.Text;
using System.Text.Json.Nodes;
using IdentityStack.Triggers.Api;

namespace IdentityStack.Triggers.Tests;

/// <summary>The HTTP API backend on real payload v2.0 events (test/fixtures/http-api).</summary>
public sealed class ApiBackendTests
{
    private sealed class ListedUsers : IUserListing
    {
        public string? AskedTenant { get; private set; }

        public UserListingCursor? AskedAfter { get; private set; }

        public int Calls { get; private set; }

        public HashSet<string> SuspendedTenants { get; } = new(StringComparer.Ordinal);

        public Task<bool> IsTenantSuspendedAsync(string tenantId, CancellationToken cancellationToken) => Task.FromResult(SuspendedTenants.Contains(tenantId));

        public Task<UserPage> ListUsersAsync(string tenant, int limit, UserListingCursor? after, CancellationToken cancellationToken)
        {
            Calls++;
            AskedTenant = tenant;
            AskedAfter = after;
            return Task.FromResult(new UserPage([new UserSummary("u-1", "maria", "maria@example.com", tenant)], new UserListingCursor("USER#u-1")));
        }
    }

    private readonly ListedUsers _users = new();

    private ApiBackend Backend() => new("identitystack", "admins", () => _users, new FixedClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)));

    /// <summary>The fixture as a route call: method, path, and changes to its claims and scopes.</summary>
    private static byte[] Event(string method, string path, Action<JsonObject>? jwt = null, string? body = null, string? cursor = null)
    {
        var e = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "http-api", "get-me.json")))!.AsObject();
        e["routeKey"] = $"{method} {path}";
        e["rawPath"] = path;
        e["requestContext"]!["http"]!["method"] = method;
        e["requestContext"]!["http"]!["path"] = path;
        if (body is not null)
        {
            e["body"] = body;
        }

        if (cursor is not null)
        {
            e["queryStringParameters"] = new JsonObject { ["cursor"] = cursor };
        }

        jwt?.Invoke(e["requestContext"]!["authorizer"]!["jwt"]!.AsObject());
        return Encoding.UTF8.GetBytes(e.ToJsonString());
    }

    private async Task<(int Status, JsonElement Body)> CallAsync(byte[] request)
    {
        var response = JsonDocument.Parse(await Backend().InvokeAsync(request, new TestContext(), CancellationToken.None)).RootElement;
        Assert.Equal("application/json", response.GetProperty("headers").GetProperty("content-type").GetString());
        return (response.GetProperty("statusCode").GetInt32(), JsonDocument.Parse(response.GetProperty("body").GetString()!).RootElement.Clone());
    }

    [Fact]
    public async Task Me_returns_the_callers_sub_username_groups_tenant_and_scopes()
    {
        var (status, body) = await CallAsync(Event("GET", "/me"));

        Assert.Equal(200, status);
        Assert.Equal("8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", body.GetProperty("sub").GetString());
        Assert.Equal("maria", body.GetProperty("username").GetString());
        Assert.Equal(["admins", "members"], body.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("acme", body.GetProperty("tenant").GetString());
        Assert.Contains("identitystack/write", body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Scopes_fall_back_to_the_scope_claim_when_the_authorizer_gives_none()
    {
        var (_, body) = await CallAsync(Event("GET", "/me", jwt => jwt.Remove("scopes")));

        Assert.Equal(["openid", "identitystack/read", "identitystack/write", "identitystack/admin"], body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Health_needs_no_token()
    {
        var (status, body) = await CallAsync(Event("GET", "/health", jwt => jwt.Remove("claims")));

        Assert.Equal(200, status);
        Assert.Equal("ok", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_route_without_verified_claims_is_401_with_a_json_error()
    {
        var (status, body) = await CallAsync(Event("GET", "/me", jwt => jwt.Remove("claims")));

        Assert.Equal(401, status);
        Assert.Equal("unauthorized", body.GetProperty("error").GetString());
    }

    // A verified token always carries a sub; one that carries an empty one names nobody (#28).
    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_token_with_an_empty_or_missing_sub_is_401(string? sub)
    {
        var (status, _) = await CallAsync(Event("GET", "/me", jwt =>
        {
            var claims = jwt["claims"]!.AsObject();
            claims.Remove("sub");
            if (sub is not null)
            {
                claims["sub"] = sub;
            }
        }));

        Assert.Equal(401, status);
        Assert.Equal(0, _users.Calls);
    }

    // A token without cognito:groups (a machine's, or a user in no group) is not an admin: 403, never 500 (#28).
    [Fact]
    public async Task Admin_users_for_a_token_without_groups_is_403_not_500()
    {
        var (status, body) = await CallAsync(Event("GET", "/admin/users", jwt => jwt["claims"]!.AsObject().Remove("cognito:groups")));

        Assert.Equal(403, status);
        Assert.Equal("forbidden", body.GetProperty("error").GetString());
        Assert.Equal(0, _users.Calls);
    }

    [Theory]
    [InlineData(200, 201)]
    [InlineData(201, 400)]
    public async Task An_item_name_of_up_to_200_characters_is_taken(int length, int expected)
    {
        var (status, _) = await CallAsync(Event("POST", "/items", body: $$"""{ "name": "{{new string('n', length)}}" }"""));

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task Post_items_creates_an_item_owned_by_the_caller()
    {
        var (status, body) = await CallAsync(Event("POST", "/items", body: """{ "name": "first" }"""));

        Assert.Equal(201, status);
        Assert.Equal("first", body.GetProperty("name").GetString());
        Assert.Equal("8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", body.GetProperty("owner").GetString());
        Assert.Equal("acme", body.GetProperty("tenant").GetString());
    }

    [Theory]
    [InlineData("""{ "name": "" }""", "body.name is required")]
    [InlineData("""not json""", "The body is not JSON")]
    [InlineData(null, "body.name is required")]
    public async Task Post_items_with_a_bad_body_is_400(string? requestBody, string message)
    {
        var (status, body) = await CallAsync(Event("POST", "/items", body: requestBody));

        Assert.Equal(400, status);
        Assert.StartsWith(message, body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_items_without_the_write_scope_is_403_even_past_the_authorizer()
    {
        var (status, body) = await CallAsync(Event("POST", "/items", jwt => jwt["scopes"] = new JsonArray("openid", "identitystack/read"), """{ "name": "x" }"""));

        Assert.Equal(403, status);
        Assert.Contains("identitystack/write", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_users_lists_the_admins_own_tenant()
    {
        var (status, body) = await CallAsync(Event("GET", "/admin/users"));

        Assert.Equal(200, status);
        Assert.Equal("acme", _users.AskedTenant);
        Assert.Null(_users.AskedAfter);
        Assert.Equal("maria", body.GetProperty("users")[0].GetProperty("userName").GetString());
        Assert.Equal(new UserListingCursor("USER#u-1").Encode(), body.GetProperty("nextCursor").GetString());
    }

    [Fact]
    public async Task Admin_users_pages_on_from_the_cursor_always_in_the_callers_tenant()
    {
        var (status, _) = await CallAsync(Event("GET", "/admin/users", cursor: new UserListingCursor("USER#u-1").Encode()));

        Assert.Equal(200, status);
        Assert.Equal(new UserListingCursor("USER#u-1"), _users.AskedAfter);
        Assert.Equal("acme", _users.AskedTenant);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("VEVOQU5UI2dsb2JleA")] // "TENANT#globex": a key, but not a user's
    [InlineData("")]
    public async Task Admin_users_with_a_cursor_this_api_did_not_make_is_400(string cursor)
    {
        var (status, body) = await CallAsync(Event("GET", "/admin/users", cursor: cursor));

        Assert.Equal(400, status);
        Assert.Contains("nextCursor", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _users.Calls);
    }

    [Fact]
    public async Task Admin_users_for_a_caller_without_a_tenant_is_403_never_every_tenant()
    {
        var (status, body) = await CallAsync(Event("GET", "/admin/users", jwt =>
        {
            var claims = jwt["claims"]!.AsObject();
            claims.Remove("tenant_id");
            claims.Remove("custom:tenant_id");
        }));

        Assert.Equal(403, status);
        Assert.Contains("no tenant_id", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _users.Calls);
    }

    [Fact]
    public async Task Admin_users_with_the_scope_but_outside_the_admin_group_is_403()
    {
        var (status, body) = await CallAsync(Event("GET", "/admin/users", jwt => jwt["claims"]!["cognito:groups"] = "[members]"));

        Assert.Equal(403, status);
        Assert.Contains("'admins' group", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    // Cognito group names hold no whitespace but may hold ',' (API reference, "CreateGroup": GroupName
    // pattern [\p{L}\p{M}\p{S}\p{N}\p{P}]+,
    // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateGroup.html):
    // a group named "x,admins" is one group and must not count as the admin group.
    [Fact]
    public async Task A_group_whose_name_contains_the_admin_group_after_a_comma_is_not_the_admin_group()
    {
        var (status, _) = await CallAsync(Event("GET", "/admin/users", jwt => jwt["claims"]!["cognito:groups"] = "[x,admins members]"));
        var (_, me) = await CallAsync(Event("GET", "/me", jwt => jwt["claims"]!["cognito:groups"] = "[x,admins members]"));

        Assert.Equal(403, status);
        Assert.Equal(["x,admins", "members"], me.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(0, _users.Calls);
    }

    // The tenant is the trigger's tenant_id claim only: custom:tenant_id (an ID token's raw attribute)
    // is not the rule's tenant for a federated user, so it never stands in for a missing tenant_id.
    [Fact]
    public async Task The_raw_tenant_attribute_never_stands_in_for_the_tenant_claim()
    {
        var (status, _) = await CallAsync(Event("GET", "/admin/users", jwt =>
        {
            var claims = jwt["claims"]!.AsObject();
            claims.Remove("tenant_id");
            claims["custom:tenant_id"] = "globex";
        }));

        Assert.Equal(403, status);
        Assert.Equal(0, _users.Calls);
    }

    // A token issued before a suspension stays valid until it expires (up to the access token's
    // lifetime): admin and write routes ask the directory at every request instead of waiting.
    [Fact]
    public async Task A_suspended_tenants_admin_listing_and_writes_are_refused_while_its_tokens_are_still_valid()
    {
        _users.SuspendedTenants.Add("acme");

        var (list, listBody) = await CallAsync(Event("GET", "/admin/users"));
        var (write, _) = await CallAsync(Event("POST", "/items", body: "{\"name\":\"a\"}"));
        var (read, _) = await CallAsync(Event("GET", "/me"));

        Assert.Equal(403, list);
        Assert.Equal("tenant_suspended", listBody.GetProperty("error").GetString());
        Assert.Equal(403, write);
        Assert.Equal(200, read);
        Assert.Equal(0, _users.Calls);
    }

    [Theory]
    [InlineData("""{ "version": "2.0" }""", "requestContext.http is missing")]
    [InlineData("""[1, 2""", "not valid JSON")]
    public async Task A_malformed_event_is_400_never_a_crash(string request, string message)
    {
        var (status, body) = await CallAsync(Encoding.UTF8.GetBytes(request));

        Assert.Equal(400, status);
        Assert.Contains(message, body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_route_is_404()
    {
        var (status, _) = await CallAsync(Event("DELETE", "/me"));

        Assert.Equal(404, status);
    }

    /// <summary>The CDK creates exactly the contract's routes (ApiTests), so the backend must serve each of them: none may fall through to 404.</summary>
    [Fact]
    public async Task Every_route_of_the_contract_table_is_served_and_a_trailing_slash_or_lower_case_method_finds_it()
    {
        foreach (var route in IdentityStack.Triggers.Contract.ApiRouteTable.All)
        {
            var (status, _) = await CallAsync(Event(route.Method, route.Path, jwt => jwt["scopes"] = new JsonArray("identitystack/read", "identitystack/write", "identitystack/admin"), body: string.Equals(route.Method, "POST", StringComparison.Ordinal) ? "{\"name\":\"a\"}" : null));
            Assert.NotEqual(404, status);
        }

        Assert.Equal(IdentityStack.Triggers.Contract.ApiRouteTable.Me, IdentityStack.Triggers.Contract.ApiRouteTable.Find("get", "/me/"));
        Assert.Null(IdentityStack.Triggers.Contract.ApiRouteTable.Find("GET", "/ME"));
    }

    /// <summary>Every refusal of the backend, word for word: the code a client branches on and the sentence a person reads.</summary>
    public static TheoryData<string, string, string?, string?, int, string> Refusals => new()
    {
        { "GET", "/nowhere", null, null, 404, """{"error":"not_found","message":"No route GET /nowhere."}""" },
        { "POST", "/developer-identity", null, null, 404, """{"error":"not_found","message":"No route POST /developer-identity on the backend: the developer login has a function of its own."}""" },
        { "GET", "/me", "no-claims", null, 401, """{"error":"unauthorized","message":"The request carries no verified token subject; send a bearer token from the user pool."}""" },
        { "GET", "/admin/users", "members-only", null, 403, """{"error":"forbidden","message":"Admin routes need the identitystack/admin scope and membership of the 'admins' group."}""" },
        { "GET", "/admin/users", "no-tenant", null, 403, """{"error":"forbidden","message":"The admin listing shows the users of the caller's tenant, and this token carries no tenant_id."}""" },
        { "GET", "/admin/users", "bad-cursor", null, 400, """{"error":"bad_request","message":"cursor is not one this API gave out; pass nextCursor from the previous page unchanged, or leave it out for the first page."}""" },
        { "POST", "/items", "read-only", """{ "name": "x" }""", 403, """{"error":"forbidden","message":"Creating items needs the identitystack/write scope."}""" },
        { "POST", "/items", null, "not json", 400, """{"error":"bad_request","message":"The body is not JSON like {\"name\": \"...\"}."}""" },
        { "POST", "/items", null, """{ "name": "" }""", 400, """{"error":"bad_request","message":"body.name is required: 1-200 characters."}""" },
        { "GET", "/admin/users", "suspended", null, 403, """{"error":"tenant_suspended","message":"Your organisation's access is suspended. Contact your administrator."}""" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Each_refusal_says_its_code_and_sentence(string method, string path, string? change, string? requestBody, int expectedStatus, string expectedBody)
    {
        if (string.Equals(change, "suspended", StringComparison.Ordinal))
        {
            _users.SuspendedTenants.Add("acme");
        }

        var request = Event(method, path, jwt =>
        {
            var claims = jwt["claims"]!.AsObject();
            switch (change)
            {
                case "no-claims": jwt.Remove("claims"); break;
                case "members-only": claims["cognito:groups"] = "[members]"; break;
                case "no-tenant": claims.Remove("tenant_id"); break;
                case "read-only": jwt["scopes"] = new JsonArray("identitystack/read"); break;
            }
        }, requestBody, cursor: string.Equals(change, "bad-cursor", StringComparison.Ordinal) ? "not-a-cursor" : null);

        var response = JsonDocument.Parse(await Backend().InvokeAsync(request, new TestContext(), CancellationToken.None)).RootElement;

        Assert.Equal(expectedStatus, response.GetProperty("statusCode").GetInt32());
        Assert.Equal(JsonNode.Parse(expectedBody)!.ToJsonString(), JsonNode.Parse(response.GetProperty("body").GetString()!)!.ToJsonString());
    }

    [Theory]
    [InlineData("""{ "version": "2.0" }""", """{"error":"bad_request","message":"The event is not an HTTP API payload v2.0 request (requestContext.http is missing)."}""")]
    [InlineData("[1, 2", """{"error":"bad_request","message":"The event is not valid JSON."}""")]
    public async Task A_malformed_event_says_what_is_wrong_word_for_word(string request, string expectedBody)
    {
        var response = JsonDocument.Parse(await Backend().InvokeAsync(Encoding.UTF8.GetBytes(request), new TestContext(), CancellationToken.None)).RootElement;

        Assert.Equal(400, response.GetProperty("statusCode").GetInt32());
        Assert.Equal(JsonNode.Parse(expectedBody)!.ToJsonString(), JsonNode.Parse(response.GetProperty("body").GetString()!)!.ToJsonString());
    }

    [Fact]
    public async Task Health_answers_ok_without_a_token()
    {
        var response = JsonDocument.Parse(await Backend().InvokeAsync(Event("GET", "/health", jwt => jwt.Remove("claims")), new TestContext(), CancellationToken.None)).RootElement;

        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("ok", JsonNode.Parse(response.GetProperty("body").GetString()!)!["status"]!.GetValue<string>());
    }

    // The username claim differs by token: access tokens carry "username", ID tokens "cognito:username".
    [Fact]
    public async Task An_access_tokens_username_wins_over_an_id_tokens()
    {
        var (_, body) = await CallAsync(Event("GET", "/me", jwt => jwt["claims"]!["cognito:username"] = "other"));

        Assert.Equal("maria", body.GetProperty("username").GetString());
    }

    [Theory]
    [InlineData("username", "maria")]
    [InlineData("cognito:username", "maria.id")]
    public async Task Me_reads_the_username_from_either_token_kind(string claim, string value)
    {
        var (_, body) = await CallAsync(Event("GET", "/me", jwt =>
        {
            var claims = jwt["claims"]!.AsObject();
            claims.Remove("username");
            claims[claim] = value;
        }));

        Assert.Equal(value, body.GetProperty("username").GetString());
    }
}
