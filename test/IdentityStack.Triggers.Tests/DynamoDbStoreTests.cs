using IdentityStack.Testing;
using System.Net;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace IdentityStack.Triggers.Tests;

/// <summary>The real AWS SDK client against a recording endpoint: what exactly goes over the wire.</summary>
public sealed class DynamoDbStoreTests
{
    private static AmazonDynamoDBClient Client(RecordingDynamoDb endpoint) =>
        new(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AmazonDynamoDBConfig
        {
            ServiceURL = endpoint.Url,
            AuthenticationRegion = "eu-west-1",
            MaxErrorRetry = 0,
        });

    private static readonly UserProfile Maria = new("8f1e2d3c", "eu-west-1_AbCdEf123", "maria", "maria@example.com", "acme-01", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_profile_is_put_only_if_absent_and_signed()
    {
        await using var endpoint = new RecordingDynamoDb();
        using var client = Client(endpoint);

        var created = await new DynamoDbIdentityDirectory(client, "identity-dev-directory").CreateProfileIfAbsentAsync(Maria, CancellationToken.None);

        Assert.True(created);
        var (operation, body, authorization) = Assert.Single(endpoint.Requests);
        Assert.Equal("PutItem", operation);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", authorization, StringComparison.Ordinal);
        Assert.Equal("identity-dev-directory", body.GetProperty("TableName").GetString());
        Assert.Equal("attribute_not_exists(#pk)", body.GetProperty("ConditionExpression").GetString());
        Assert.Equal("pk", body.GetProperty("ExpressionAttributeNames").GetProperty("#pk").GetString());
        var item = body.GetProperty("Item");
        Assert.Equal("USER#8f1e2d3c", item.GetProperty("pk").GetProperty("S").GetString());
        Assert.Equal("acme-01", item.GetProperty("tenantId").GetProperty("S").GetString());
        Assert.Equal("2026-11-23T09:00:00.0000000+00:00", item.GetProperty("createdAt").GetProperty("S").GetString());
    }

    [Fact]
    public async Task A_machine_client_is_written_under_its_own_prefix_outside_the_tenant_index()
    {
        await using var endpoint = new RecordingDynamoDb();
        using var client = Client(endpoint);

        await new DynamoDbIdentityDirectory(client, "identity-dev-directory").RegisterAsync(new MachineClient("7m9k2p4", "acme-01", ["identitystack/read"]), "stack-1|Registration", CancellationToken.None);

        var (operation, body, _) = Assert.Single(endpoint.Requests);
        Assert.Equal("PutItem", operation);
        var item = body.GetProperty("Item");
        Assert.Equal("CLIENT#7m9k2p4", item.GetProperty("pk").GetProperty("S").GetString());
        Assert.Equal("acme-01", item.GetProperty("clientTenantId").GetProperty("S").GetString());
        Assert.Equal(["identitystack/read"], item.GetProperty("scopes").GetProperty("SS").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("stack-1|Registration", item.GetProperty(DirectoryKeys.MachineOwnerAttribute).GetProperty("S").GetString());
        // The tenant index is keyed by tenantId: a machine client must never show up as one of the tenant's users.
        Assert.False(item.TryGetProperty(DirectoryKeys.TenantAttribute, out _));
    }

    [Fact]
    public async Task A_machine_client_is_read_back_and_an_absent_one_is_null()
    {
        await using var endpoint = new RecordingDynamoDb
        {
            Answer = (_, body) => string.Equals(body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString(), "CLIENT#known", StringComparison.Ordinal)
                ? (HttpStatusCode.OK, """{"Item":{"pk":{"S":"CLIENT#known"},"clientTenantId":{"S":"acme-01"},"scopes":{"SS":["identitystack/read","identitystack/write"]}}}""")
                : (HttpStatusCode.OK, "{}"),
        };
        using var client = Client(endpoint);
        var directory = new DynamoDbIdentityDirectory(client, "identity-dev-directory");

        var known = await directory.GetMachineClientAsync("known", CancellationToken.None);
        var unknown = await directory.GetMachineClientAsync("unknown", CancellationToken.None);

        Assert.Equal("acme-01", known!.TenantId);
        Assert.Equal(["identitystack/read", "identitystack/write"], known.Scopes.Order(StringComparer.Ordinal));
        Assert.Null(unknown);
    }

    [Fact]
    public async Task A_machine_client_is_removed_by_its_key_only_while_the_resource_removing_it_owns_it()
    {
        await using var endpoint = new RecordingDynamoDb();
        using var client = Client(endpoint);

        Assert.True(await new DynamoDbIdentityDirectory(client, "identity-dev-directory").UnregisterAsync("7m9k2p4", "stack-1|Registration", CancellationToken.None));

        var (operation, body, _) = Assert.Single(endpoint.Requests);
        Assert.Equal("DeleteItem", operation);
        Assert.Equal("CLIENT#7m9k2p4", body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString());
        Assert.Equal("attribute_not_exists(#o) OR #o = :o", body.GetProperty("ConditionExpression").GetString());
        Assert.Equal(DirectoryKeys.MachineOwnerAttribute, body.GetProperty("ExpressionAttributeNames").GetProperty("#o").GetString());
        Assert.Equal("stack-1|Registration", body.GetProperty("ExpressionAttributeValues").GetProperty(":o").GetProperty("S").GetString());
    }

    [Fact]
    public async Task An_item_a_newer_registration_owns_is_kept()
    {
        await using var endpoint = new RecordingDynamoDb
        {
            Answer = (_, _) => (HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}"""),
        };
        using var client = Client(endpoint);

        Assert.False(await new DynamoDbIdentityDirectory(client, "identity-dev-directory").UnregisterAsync("7m9k2p4", "stack-1|OldRegistration", CancellationToken.None));
    }

    [Fact]
    public async Task A_profile_that_exists_already_is_not_an_error()
    {
        await using var endpoint = new RecordingDynamoDb { Answer = (_, _) => RecordingDynamoDb.ConditionalCheckFailed() };
        using var client = Client(endpoint);

        var created = await new DynamoDbIdentityDirectory(client, "t").CreateProfileIfAbsentAsync(Maria, CancellationToken.None);

        Assert.False(created);
    }

    [Fact]
    public async Task Other_dynamodb_errors_are_not_swallowed()
    {
        await using var endpoint = new RecordingDynamoDb { Answer = (_, _) => (HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}""") };
        using var client = Client(endpoint);

        await Assert.ThrowsAsync<Amazon.DynamoDBv2.Model.ResourceNotFoundException>(() =>
            new DynamoDbIdentityDirectory(client, "t").CreateProfileIfAbsentAsync(Maria, CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"Item":{"pk":{"S":"TENANT#acme-01"},"status":{"S":"SUSPENDED"}}}""", true)]
    [InlineData("""{"Item":{"pk":{"S":"TENANT#acme-01"},"status":{"S":"ACTIVE"}}}""", false)]
    [InlineData("""{"Item":{"status":{"S":"SUSPENDED"}}}""", false)] // attributes without the key are no item
    [InlineData("{}", false)]
    public async Task Tenant_status_is_read_by_key_with_a_projection(string answer, bool suspended)
    {
        await using var endpoint = new RecordingDynamoDb { Answer = (_, _) => (HttpStatusCode.OK, answer) };
        using var client = Client(endpoint);

        Assert.Equal(suspended, await new DynamoDbIdentityDirectory(client, "identity-dev-directory").IsTenantSuspendedAsync("acme-01", CancellationToken.None));

        var (operation, body, _) = Assert.Single(endpoint.Requests);
        Assert.Equal("GetItem", operation);
        Assert.Equal("identity-dev-directory", body.GetProperty("TableName").GetString());
        Assert.Equal("TENANT#acme-01", body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString());
        Assert.Equal("status", body.GetProperty("ExpressionAttributeNames").GetProperty("#a").GetString());
    }

    [Theory]
    [InlineData("""{"Item":{"pk":{"S":"USER#8f1e2d3c"},"disabled":{"BOOL":true},"tenantId":{"S":"acme-01"}}}""", "Disabled", "acme-01")]
    [InlineData("""{"Item":{"pk":{"S":"USER#8f1e2d3c"},"disabled":{"BOOL":false}}}""", "Active", null)]
    [InlineData("""{"Item":{"pk":{"S":"USER#8f1e2d3c"},"tenantId":{"S":"globex"}}}""", "Active", "globex")]
    [InlineData("""{"Item":{"pk":{"S":"USER#8f1e2d3c"},"tenantId":{"S":""}}}""", "Active", null)]
    [InlineData("""{"Item":{}}""", "Missing", null)]
    [InlineData("""{"Item":{"tenantId":{"S":"acme-01"},"disabled":{"BOOL":true}}}""", "Missing", null)]
    [InlineData("{}", "Missing", null)]
    public async Task The_profile_is_read_with_the_key_so_a_profile_without_the_flag_is_not_missing(string answer, string state, string? tenant)
    {
        var expected = new StoredProfile(Enum.Parse<ProfileState>(state), tenant);
        await using var endpoint = new RecordingDynamoDb { Answer = (_, _) => (HttpStatusCode.OK, answer) };
        using var client = Client(endpoint);

        Assert.Equal(expected, await new DynamoDbIdentityDirectory(client, "identity-dev-directory").GetProfileAsync("8f1e2d3c", CancellationToken.None));
        var (operation, body, _) = Assert.Single(endpoint.Requests);
        Assert.Equal("GetItem", operation);
        Assert.Equal("identity-dev-directory", body.GetProperty("TableName").GetString());
        Assert.Equal("USER#8f1e2d3c", body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString());
        Assert.Equal("#pk, #d, #t", body.GetProperty("ProjectionExpression").GetString());
        Assert.Equal("pk", body.GetProperty("ExpressionAttributeNames").GetProperty("#pk").GetString());
        Assert.Equal("disabled", body.GetProperty("ExpressionAttributeNames").GetProperty("#d").GetString());
        Assert.Equal("tenantId", body.GetProperty("ExpressionAttributeNames").GetProperty("#t").GetString());
    }

    // The tenant-users index is sparse on tenantId: setting it lists the profile to the new tenant's
    // administrators, removing it lists the profile to none. Only an existing profile is changed.
    [Theory]
    [InlineData("globex", "SET #t = :t")]
    [InlineData(null, "REMOVE #t")]
    public async Task Moving_a_profile_sets_or_removes_its_tenant_only_on_an_existing_item(string? tenant, string expression)
    {
        await using var endpoint = new RecordingDynamoDb { Answer = (_, _) => (HttpStatusCode.OK, "{}") };
        using var client = Client(endpoint);

        await new DynamoDbIdentityDirectory(client, "identity-dev-directory").MoveProfileToTenantAsync("8f1e2d3c", tenant, CancellationToken.None);

        var (operation, body, _) = Assert.Single(endpoint.Requests);
        Assert.Equal("UpdateItem", operation);
        Assert.Equal("USER#8f1e2d3c", body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString());
        Assert.Equal(expression, body.GetProperty("UpdateExpression").GetString());
        Assert.Equal("attribute_exists(#pk)", body.GetProperty("ConditionExpression").GetString());
        Assert.Equal("tenantId", body.GetProperty("ExpressionAttributeNames").GetProperty("#t").GetString());
        Assert.Equal(tenant is null, !body.TryGetProperty("ExpressionAttributeValues", out var values) || values.ValueKind == System.Text.Json.JsonValueKind.Null);
        if (tenant is not null)
        {
            Assert.Equal(tenant, values.GetProperty(":t").GetProperty("S").GetString());
        }
    }

    [Fact]
    public async Task Moving_a_deleted_profile_creates_nothing_and_does_not_fail()
    {
        await using var endpoint = new RecordingDynamoDb
        {
            Answer = (_, _) => (HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}"""),
        };
        using var client = Client(endpoint);

        await new DynamoDbIdentityDirectory(client, "identity-dev-directory").MoveProfileToTenantAsync("8f1e2d3c", "globex", CancellationToken.None);

        Assert.Equal("UpdateItem", Assert.Single(endpoint.Requests).Operation);
    }

    [Fact]
    public async Task A_legacy_user_is_read_consistently_by_lower_case_username()
    {
        await using var endpoint = new RecordingDynamoDb
        {
            Answer = (_, _) => (HttpStatusCode.OK, """
                {"Item":{"username":{"S":"old.user@example.com"},"email":{"S":"old.user@example.com"},
                 "email_verified":{"BOOL":true},"tenant_id":{"S":"acme-01"},"password_hash":{"S":"pbkdf2-sha256$20000$x$y"}}}
                """),
        };
        using var client = Client(endpoint);

        var user = await new DynamoDbLegacyUserStore(client, "legacy-users").FindAsync("Old.User@Example.com", CancellationToken.None);

        Assert.Equal(new LegacyUser("old.user@example.com", "old.user@example.com", true, "acme-01", "pbkdf2-sha256$20000$x$y"), user);
        var body = Assert.Single(endpoint.Requests).Body;
        Assert.Equal("legacy-users", body.GetProperty("TableName").GetString());
        Assert.Equal("old.user@example.com", body.GetProperty("Key").GetProperty("username").GetProperty("S").GetString());
        Assert.True(body.GetProperty("ConsistentRead").GetBoolean());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"Item":{"username":{"S":"x"},"email":{"S":"x@example.com"}}}""")]
    public async Task A_missing_or_incomplete_legacy_user_is_not_found(string answer)
    {
        await using var endpoint = new RecordingDynamoDb { Answer = (_, _) => (HttpStatusCode.OK, answer) };
        using var client = Client(endpoint);

        Assert.Null(await new DynamoDbLegacyUserStore(client, "legacy-users").FindAsync("x", CancellationToken.None));
    }

    [Fact]
    public async Task Listing_users_queries_the_tenant_index_of_the_admins_tenant_and_hands_back_a_cursor()
    {
        await using var endpoint = new RecordingDynamoDb
        {
            Answer = (_, _) => (HttpStatusCode.OK, """{"Items":[{"pk":{"S":"USER#8f1e2d3c"},"sub":{"S":"8f1e2d3c"},"userName":{"S":"maria"},"email":{"S":"maria@example.com"},"tenantId":{"S":"acme-01"}}],"Count":1,"LastEvaluatedKey":{"pk":{"S":"USER#8f1e2d3c"},"tenantId":{"S":"acme-01"}}}"""),
        };
        using var client = Client(endpoint);

        var page = await new DynamoDbIdentityDirectory(client, "identity-dev-directory").ListUsersAsync("acme-01", 50, new IdentityStack.Triggers.Api.UserListingCursor("USER#0001"), CancellationToken.None);

        var (operation, body, _) = Assert.Single(endpoint.Requests);
        Assert.Equal("Query", operation);
        Assert.Equal("identity-dev-directory", body.GetProperty("TableName").GetString());
        Assert.Equal("tenant-users", body.GetProperty("IndexName").GetString());
        Assert.Equal("#tenant = :tenant", body.GetProperty("KeyConditionExpression").GetString());
        Assert.Equal("tenantId", body.GetProperty("ExpressionAttributeNames").GetProperty("#tenant").GetString());
        Assert.Equal("acme-01", body.GetProperty("ExpressionAttributeValues").GetProperty(":tenant").GetProperty("S").GetString());
        Assert.Equal(50, body.GetProperty("Limit").GetInt32());
        Assert.False(body.TryGetProperty("FilterExpression", out _), "a filter after Limit would give short pages");
        Assert.Equal("USER#0001", body.GetProperty("ExclusiveStartKey").GetProperty("pk").GetProperty("S").GetString());
        Assert.Equal("acme-01", body.GetProperty("ExclusiveStartKey").GetProperty("tenantId").GetProperty("S").GetString());
        Assert.Equal(new IdentityStack.Triggers.Api.UserSummary("8f1e2d3c", "maria", "maria@example.com", "acme-01"), Assert.Single(page.Users));
        Assert.Equal(new IdentityStack.Triggers.Api.UserListingCursor("USER#8f1e2d3c"), page.NextCursor);
    }

    [Fact]
    public async Task The_last_page_has_no_cursor()
    {
        await using var endpoint = new RecordingDynamoDb { Answer = (_, _) => (HttpStatusCode.OK, """{"Items":[],"Count":0}""") };
        using var client = Client(endpoint);

        var page = await new DynamoDbIdentityDirectory(client, "t").ListUsersAsync("acme-01", 50, null, CancellationToken.None);

        Assert.Empty(page.Users);
        Assert.Null(page.NextCursor);
        Assert.False(Assert.Single(endpoint.Requests).Body.TryGetProperty("ExclusiveStartKey", out _));
    }

    [Theory]
    [InlineData("""{"Item":{"pk":{"S":"LOGIN#k"},"failures":{"N":"6"},"lastFailureAt":{"S":"2026-12-06T12:00:00.0000000+00:00"},"expiresAt":{"N":"1796644800"}}}""", 6)]
    [InlineData("""{"Item":{"pk":{"S":"LOGIN#k"},"failures":{"N":"6"},"lastFailureAt":{"S":"2026-12-06T12:00:00.0000000+00:00"},"expiresAt":{"N":"1796558400"}}}""", 0)]
    [InlineData("""{"Item":{"pk":{"S":"LOGIN#k"},"failures":{"N":"6"}}}""", 0)]
    [InlineData("{}", 0)]
    public async Task Login_failures_are_read_consistently_and_an_expired_counter_counts_as_none(string answer, int failures)
    {
        await using var endpoint = new RecordingDynamoDb { Answer = (_, _) => (HttpStatusCode.OK, answer) };
        using var client = Client(endpoint);
        var now = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero); // 1796558400: an expiry at that second has passed

        var attempts = await new DynamoDbIdentityDirectory(client, "identity-dev-directory").GetLoginAttemptsAsync("k", now, CancellationToken.None);

        Assert.Equal(failures, attempts.Failures);
        var (operation, body, _) = Assert.Single(endpoint.Requests);
        Assert.Equal("GetItem", operation);
        Assert.Equal("LOGIN#k", body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString());
        Assert.True(body.GetProperty("ConsistentRead").GetBoolean());
    }

    [Theory]
    [InlineData(true, "SET #f = :one, #l = :now, #x = :expires")]
    [InlineData(false, "SET #f = if_not_exists(#f, :zero) + :one, #l = :now, #x = :expires")]
    public async Task A_login_failure_counts_up_or_starts_over_and_expires_a_day_later(bool startOver, string expression)
    {
        await using var endpoint = new RecordingDynamoDb();
        using var client = Client(endpoint);
        var now = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

        await new DynamoDbIdentityDirectory(client, "identity-dev-directory").RecordLoginFailureAsync("k", now, startOver, CancellationToken.None);

        var (operation, body, _) = Assert.Single(endpoint.Requests);
        Assert.Equal("UpdateItem", operation);
        Assert.Equal(expression, body.GetProperty("UpdateExpression").GetString());
        Assert.Equal(DirectoryKeys.TimeToLiveAttribute, body.GetProperty("ExpressionAttributeNames").GetProperty("#x").GetString());
        Assert.Equal((now + TimeSpan.FromDays(1)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("ExpressionAttributeValues").GetProperty(":expires").GetProperty("N").GetString());
    }

    [Fact]
    public async Task A_legacy_user_is_marked_migrated_once_and_an_unknown_one_is_not_created()
    {
        await using var endpoint = new RecordingDynamoDb
        {
            Answer = (_, _) => (HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}"""),
        };
        using var client = Client(endpoint);

        await new DynamoDbLegacyUserStore(client, "identity-dev-legacy").MarkMigratedAsync("Old.User@example.com", DateTimeOffset.UnixEpoch, CancellationToken.None);

        var (operation, body, _) = Assert.Single(endpoint.Requests);
        Assert.Equal("UpdateItem", operation);
        Assert.Equal("old.user@example.com", body.GetProperty("Key").GetProperty("username").GetProperty("S").GetString());
        Assert.Equal("SET #m = if_not_exists(#m, :at)", body.GetProperty("UpdateExpression").GetString());
        Assert.Equal("attribute_exists(#k)", body.GetProperty("ConditionExpression").GetString());
        Assert.Equal(DirectoryKeys.LegacyMigratedAttribute, body.GetProperty("ExpressionAttributeNames").GetProperty("#m").GetString());
    }

    [Theory]
    [InlineData("2026-12-06T12:00:00.0000000+00:00", true)]
    [InlineData("not a time", true)]
    [InlineData(null, false)]
    public async Task Any_migrated_mark_counts_a_malformed_one_too(string? mark, bool migrated)
    {
        var item = """{"username":{"S":"old.user@example.com"},"email":{"S":"old.user@example.com"},"password_hash":{"S":"x"}""" + (mark is null ? string.Empty : $$""","migrated_at":{"S":"{{mark}}"}""") + "}";
        await using var endpoint = new RecordingDynamoDb { Answer = (_, _) => (HttpStatusCode.OK, $$"""{"Item":{{item}}}""") };
        using var client = Client(endpoint);

        var user = await new DynamoDbLegacyUserStore(client, "identity-dev-legacy").FindAsync("old.user@example.com", CancellationToken.None);

        Assert.Equal(migrated, user!.MigratedAt is not null);
    }
}
