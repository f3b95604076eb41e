using System.Net;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using IdentityStack.Testing;

namespace IdentityStack.Triggers.Tests;

/// <summary>
/// Every request the directory and the legacy store send, whole: the table's contract (key names,
/// attribute names, projections, conditions) is what the triggers, the API, IAM and the admin tools
/// agree on, so each request is compared with the one the contract says, field for field.
/// </summary>
public sealed class DirectoryRequestShapeTests
{
    private const string Table = "identity-dev-directory";

    private static AmazonDynamoDBClient Client(RecordingDynamoDb endpoint) =>
        new(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AmazonDynamoDBConfig { ServiceURL = endpoint.Url, AuthenticationRegion = "eu-west-1", MaxErrorRetry = 0 });

    private static async Task<JsonNode> SentAsync(Func<AmazonDynamoDBClient, Task> call, string answer = "{}")
    {
        await using var endpoint = new RecordingDynamoDb { Answer = (_, _) => (HttpStatusCode.OK, answer) };
        using var client = Client(endpoint);
        await call(client);
        return JsonNode.Parse(Assert.Single(endpoint.Requests).Body.GetRawText())!;
    }

    private static void AssertSame(string expected, JsonNode sent) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), sent), $"expected {JsonNode.Parse(expected)!.ToJsonString()}\n   sent {sent.ToJsonString()}");

    [Fact]
    public async Task A_profile_is_put_with_every_attribute_the_listing_and_tools_read()
    {
        var profile = new UserProfile("8f1e2d3c", "eu-west-1_AbCdEf123", "maria", "maria@example.com", "acme-01", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

        var sent = await SentAsync(c => new DynamoDbIdentityDirectory(c, Table).CreateProfileIfAbsentAsync(profile, CancellationToken.None));

        AssertSame("""
            { "TableName": "identity-dev-directory", "ConditionExpression": "attribute_not_exists(#pk)", "ExpressionAttributeNames": { "#pk": "pk" },
              "Item": { "pk": { "S": "USER#8f1e2d3c" }, "sub": { "S": "8f1e2d3c" }, "userPoolId": { "S": "eu-west-1_AbCdEf123" }, "userName": { "S": "maria" },
                        "createdAt": { "S": "2026-11-23T09:00:00.0000000+00:00" }, "email": { "S": "maria@example.com" }, "tenantId": { "S": "acme-01" } } }
            """, sent);
    }

    [Fact]
    public async Task A_profile_without_email_or_tenant_carries_neither_so_it_stays_out_of_the_tenant_index()
    {
        var profile = new UserProfile("8f1e2d3c", "eu-west-1_AbCdEf123", "maria", null, null, DateTimeOffset.UnixEpoch);

        var sent = await SentAsync(c => new DynamoDbIdentityDirectory(c, Table).CreateProfileIfAbsentAsync(profile, CancellationToken.None));

        Assert.Equal(["pk", "sub", "userPoolId", "userName", "createdAt"], sent["Item"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task A_tenant_is_read_by_its_key_with_only_its_status()
    {
        var sent = await SentAsync(c => new DynamoDbIdentityDirectory(c, Table).IsTenantSuspendedAsync("acme-01", CancellationToken.None));

        AssertSame("""
            { "TableName": "identity-dev-directory", "Key": { "pk": { "S": "TENANT#acme-01" } }, "ProjectionExpression": "#pk, #a", "ExpressionAttributeNames": { "#pk": "pk", "#a": "status" } }
            """, sent);
    }

    [Theory]
    [InlineData("""{"Item":{"pk":{"S":"TENANT#acme-01"},"status":{"S":"SUSPENDED"}}}""", true)]
    [InlineData("""{"Item":{"pk":{"S":"TENANT#acme-01"},"status":{"S":"ACTIVE"}}}""", false)]
    [InlineData("""{"Item":{"pk":{"S":"TENANT#acme-01"}}}""", false)]
    [InlineData("{}", false)]
    public async Task Only_the_status_SUSPENDED_suspends(string answer, bool suspended)
    {
        await using var endpoint = new RecordingDynamoDb { Answer = (_, _) => (HttpStatusCode.OK, answer) };
        using var client = Client(endpoint);

        Assert.Equal(suspended, await new DynamoDbIdentityDirectory(client, Table).IsTenantSuspendedAsync("acme-01", CancellationToken.None));
    }

    [Fact]
    public async Task A_machine_client_is_read_with_its_key_tenant_and_scopes_only()
    {
        var sent = await SentAsync(c => new DynamoDbIdentityDirectory(c, Table).GetMachineClientAsync("7m9k2p4", CancellationToken.None));

        AssertSame("""
            { "TableName": "identity-dev-directory", "Key": { "pk": { "S": "CLIENT#7m9k2p4" } }, "ProjectionExpression": "#pk, #t, #s",
              "ExpressionAttributeNames": { "#pk": "pk", "#t": "clientTenantId", "#s": "scopes" } }
            """, sent);
    }

    [Theory]
    [InlineData("""{"Item":{"pk":{"S":"CLIENT#7m9k2p4"},"scopes":{"SS":["identitystack/read"]}}}""", null, 1)]
    [InlineData("""{"Item":{"pk":{"S":"CLIENT#7m9k2p4"},"clientTenantId":{"S":""}}}""", null, 0)]
    [InlineData("""{"Item":{"clientTenantId":{"S":"acme-01"}}}""", "absent", 0)]
    public async Task A_machine_client_without_tenant_or_scopes_reads_as_none_of_them(string answer, string? tenant, int scopes)
    {
        await using var endpoint = new RecordingDynamoDb { Answer = (_, _) => (HttpStatusCode.OK, answer) };
        using var client = Client(endpoint);

        var read = await new DynamoDbIdentityDirectory(client, Table).GetMachineClientAsync("7m9k2p4", CancellationToken.None);

        if (string.Equals(tenant, "absent", StringComparison.Ordinal))
        {
            Assert.Null(read); // attributes without the key are no client
            return;
        }

        Assert.Null(read!.TenantId);
        Assert.Equal(scopes, read.Scopes.Count);
    }

    [Fact]
    public async Task A_registration_is_written_whole_with_its_owner()
    {
        var sent = await SentAsync(c => new DynamoDbIdentityDirectory(c, Table).RegisterAsync(new MachineClient("7m9k2p4", null, ["identitystack/read"]), "stack|Res", CancellationToken.None));

        AssertSame("""
            { "TableName": "identity-dev-directory",
              "Item": { "pk": { "S": "CLIENT#7m9k2p4" }, "registeredBy": { "S": "stack|Res" }, "scopes": { "SS": ["identitystack/read"] } } }
            """, sent);
    }

    [Fact]
    public async Task A_page_of_a_tenants_users_is_queried_on_the_index_after_the_cursor()
    {
        var sent = await SentAsync(c => new DynamoDbIdentityDirectory(c, Table).ListUsersAsync("acme-01", 50, new Api.UserListingCursor("USER#u-1"), CancellationToken.None), """{"Items":[]}""");

        AssertSame("""
            { "TableName": "identity-dev-directory", "IndexName": "tenant-users", "KeyConditionExpression": "#tenant = :tenant",
              "ExpressionAttributeNames": { "#tenant": "tenantId" }, "ExpressionAttributeValues": { ":tenant": { "S": "acme-01" } }, "Limit": 50,
              "ExclusiveStartKey": { "tenantId": { "S": "acme-01" }, "pk": { "S": "USER#u-1" } } }
            """, sent);
    }

    [Fact]
    public async Task A_listed_user_missing_attributes_reads_as_empty_not_as_an_error()
    {
        await using var endpoint = new RecordingDynamoDb { Answer = (_, _) => (HttpStatusCode.OK, """{"Items":[{"pk":{"S":"USER#x"}}]}""") };
        using var client = Client(endpoint);

        var page = await new DynamoDbIdentityDirectory(client, Table).ListUsersAsync("acme-01", 50, null, CancellationToken.None);

        var user = Assert.Single(page.Users);
        Assert.Equal(new Api.UserSummary(string.Empty, string.Empty, null, null), user);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Login_counters_are_read_and_cleared_by_their_key()
    {
        var read = await SentAsync(c => new DynamoDbIdentityDirectory(c, Table).GetLoginAttemptsAsync("abc", DateTimeOffset.UnixEpoch, CancellationToken.None));
        var cleared = await SentAsync(c => new DynamoDbIdentityDirectory(c, Table).ClearLoginAttemptsAsync("abc", CancellationToken.None));

        AssertSame("""{ "TableName": "identity-dev-directory", "Key": { "pk": { "S": "LOGIN#abc" } }, "ConsistentRead": true }""", read);
        AssertSame("""{ "TableName": "identity-dev-directory", "Key": { "pk": { "S": "LOGIN#abc" } } }""", cleared);
    }

    [Theory]
    [InlineData(true, """{ "#f": "failures", "#l": "lastFailureAt", "#x": "expiresAt" }""", """{ ":one": { "N": "1" }, ":now": { "S": "1970-01-01T00:00:00.0000000+00:00" }, ":expires": { "N": "86400" } }""")]
    [InlineData(false, """{ "#f": "failures", "#l": "lastFailureAt", "#x": "expiresAt" }""", """{ ":one": { "N": "1" }, ":now": { "S": "1970-01-01T00:00:00.0000000+00:00" }, ":expires": { "N": "86400" }, ":zero": { "N": "0" } }""")]
    public async Task A_login_failure_is_counted_with_its_time_and_expiry(bool startOver, string names, string values)
    {
        var sent = await SentAsync(c => new DynamoDbIdentityDirectory(c, Table).RecordLoginFailureAsync("abc", DateTimeOffset.UnixEpoch, startOver, CancellationToken.None));

        Assert.Equal("LOGIN#abc", sent["Key"]!["pk"]!["S"]!.GetValue<string>());
        AssertSame(names, sent["ExpressionAttributeNames"]!);
        AssertSame(values, sent["ExpressionAttributeValues"]!);
    }

    [Theory]
    [InlineData("""{"Item":{"pk":{"S":"LOGIN#abc"},"failures":{"N":"3"},"lastFailureAt":{"S":"1970-01-01T00:00:10.0000000+00:00"},"expiresAt":{"N":"100"}}}""", 3, 10)]
    [InlineData("""{"Item":{"pk":{"S":"LOGIN#abc"},"expiresAt":{"N":"100"}}}""", 0, null)]
    [InlineData("""{"Item":{"pk":{"S":"LOGIN#abc"},"failures":{"N":"3"},"expiresAt":{"N":"x"}}}""", 0, null)]
    public async Task Login_counters_read_back_their_count_and_last_failure(string answer, int failures, int? lastSecond)
    {
        await using var endpoint = new RecordingDynamoDb { Answer = (_, _) => (HttpStatusCode.OK, answer) };
        using var client = Client(endpoint);

        var attempts = await new DynamoDbIdentityDirectory(client, Table).GetLoginAttemptsAsync("abc", DateTimeOffset.FromUnixTimeSeconds(50), CancellationToken.None);

        Assert.Equal(failures, attempts.Failures);
        Assert.Equal(lastSecond is null ? null : DateTimeOffset.FromUnixTimeSeconds(lastSecond.Value), attempts.LastFailureAt);
    }

    [Fact]
    public async Task A_legacy_user_is_read_consistently_by_lower_case_key_and_marked_by_it()
    {
        var read = await SentAsync(c => new DynamoDbLegacyUserStore(c, "legacy").FindAsync("Old.User@Example.com", CancellationToken.None));
        var marked = await SentAsync(c => new DynamoDbLegacyUserStore(c, "legacy").MarkMigratedAsync("Old.User@Example.com", DateTimeOffset.UnixEpoch, CancellationToken.None));

        AssertSame("""{ "TableName": "legacy", "Key": { "username": { "S": "old.user@example.com" } }, "ConsistentRead": true }""", read);
        AssertSame("""
            { "TableName": "legacy", "Key": { "username": { "S": "old.user@example.com" } }, "UpdateExpression": "SET #m = if_not_exists(#m, :at)",
              "ConditionExpression": "attribute_exists(#k)", "ExpressionAttributeNames": { "#m": "migrated_at", "#k": "username" },
              "ExpressionAttributeValues": { ":at": { "S": "1970-01-01T00:00:00.0000000+00:00" } } }
            """, marked);
    }

    // The import copies what the legacy item says of the email: an unverified one stays unverified
    // (else migration would bypass "tokens need a verified email"), and an item without the flag is unverified.
    [Theory]
    [InlineData("""{"BOOL":true}""", true)]
    [InlineData("""{"BOOL":false}""", false)]
    [InlineData(null, false)]
    public async Task A_legacy_users_email_is_verified_only_when_the_item_says_true(string? flag, bool verified)
    {
        var item = """{"username":{"S":"old.user@example.com"},"email":{"S":"old.user@example.com"},"password_hash":{"S":"x"}""" + (flag is null ? string.Empty : $$""","email_verified":{{flag}}""") + "}";
        await using var endpoint = new RecordingDynamoDb { Answer = (_, _) => (HttpStatusCode.OK, $$"""{"Item":{{item}}}""") };
        using var client = Client(endpoint);

        var user = await new DynamoDbLegacyUserStore(client, "legacy").FindAsync("old.user@example.com", CancellationToken.None);

        Assert.Equal(verified, user!.EmailVerified);
        Assert.Null(user.TenantId);
    }

    [Theory]
    [InlineData("""{"Item":{"username":{"S":"x"},"email":{"S":"x@example.com"}}}""")]
    [InlineData("""{"Item":{"username":{"S":"x"},"password_hash":{"S":"h"}}}""")]
    [InlineData("""{"Item":{}}""")]
    public async Task A_legacy_item_without_email_or_hash_is_no_user(string answer)
    {
        await using var endpoint = new RecordingDynamoDb { Answer = (_, _) => (HttpStatusCode.OK, answer) };
        using var client = Client(endpoint);

        Assert.Null(await new DynamoDbLegacyUserStore(client, "legacy").FindAsync("x", CancellationToken.None));
    }

    [Fact]
    public async Task A_profile_is_moved_by_its_key_only_while_it_exists()
    {
        var sent = await SentAsync(c => new DynamoDbIdentityDirectory(c, Table).MoveProfileToTenantAsync("8f1e2d3c", "globex", CancellationToken.None));

        AssertSame("""
            { "TableName": "identity-dev-directory", "Key": { "pk": { "S": "USER#8f1e2d3c" } }, "UpdateExpression": "SET #t = :t", "ConditionExpression": "attribute_exists(#pk)",
              "ExpressionAttributeNames": { "#pk": "pk", "#t": "tenantId" }, "ExpressionAttributeValues": { ":t": { "S": "globex" } } }
            """, sent);
    }

    [Fact]
    public async Task A_listing_answer_without_items_is_an_empty_page()
    {
        await using var endpoint = new RecordingDynamoDb { Answer = (_, _) => (HttpStatusCode.OK, "{}") };
        using var client = Client(endpoint);

        var page = await new DynamoDbIdentityDirectory(client, Table).ListUsersAsync("acme-01", 50, null, CancellationToken.None);

        Assert.Empty(page.Users);
    }
}
