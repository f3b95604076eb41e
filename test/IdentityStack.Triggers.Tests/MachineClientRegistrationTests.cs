using System.Text;
using IdentityStack.Testing;
using IdentityStack.Triggers.CustomResources;

namespace IdentityStack.Triggers.Tests;

/// <summary>The machine client registration custom resource: what it writes and removes, and that CloudFormation always gets an answer.</summary>
public sealed class MachineClientRegistrationTests
{
    private const string ValidProperties = """{ "ServiceToken": "arn:aws:lambda:eu-west-1:111122223333:function:f", "ClientId": "7m9k2p4example0machine00000", "TenantId": "acme-01", "Scopes": ["identitystack/read", "identitystack/write", "identitystack/read"] }""";

    /// <summary>Behaves like the table: the last registration owns the item, a delete removes only its own (or an unowned one).</summary>
    private sealed class MemoryRegistry : IMachineClientRegistry
    {
        public Dictionary<string, (MachineClient Client, string? Owner)> Owned { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, MachineClient> Items => Owned.ToDictionary(i => i.Key, i => i.Value.Client, StringComparer.Ordinal);

        public Exception? Failure { get; init; }

        public Task RegisterAsync(MachineClient client, string owner, CancellationToken cancellationToken)
        {
            if (Failure is not null)
            {
                throw Failure;
            }

            Owned[client.ClientId] = (client, owner);
            return Task.CompletedTask;
        }

        public Task<bool> UnregisterAsync(string clientId, string owner, CancellationToken cancellationToken)
        {
            if (Failure is not null)
            {
                throw Failure;
            }

            if (Owned.TryGetValue(clientId, out var item) && item.Owner is not null && !string.Equals(item.Owner, owner, StringComparison.Ordinal))
            {
                return Task.FromResult(false);
            }

            Owned.Remove(clientId);
            return Task.FromResult(true);
        }
    }

    private const string StackId = "arn:aws:cloudformation:eu-west-1:111122223333:stack/IdentityStack-dev/1";
    private const string LogicalId = "MachineClientsMachineClientbillingexport";

    private static byte[] Event(string requestType, string responseUrl, string properties = ValidProperties, string? physicalId = null, string logicalId = LogicalId) =>
        Encoding.UTF8.GetBytes($$"""
            { "RequestType": "{{requestType}}", "ResponseURL": "{{responseUrl}}", "StackId": "{{StackId}}",
              "RequestId": "req-1", "ResourceType": "Custom::MachineClientRegistration", "LogicalResourceId": "{{logicalId}}",
              {{(physicalId is null ? string.Empty : $"\"PhysicalResourceId\": \"{physicalId}\",")}}
              "ResourceProperties": {{properties}} }
            """);

    /// <summary>Runs one request; returns CloudFormation's answer as the ResponseURL received it.</summary>
    private static async Task<JsonElement> AnswerAsync(MemoryRegistry registry, string requestType, string properties = ValidProperties, string? physicalId = null, string logicalId = LogicalId)
    {
        await using var endpoint = new RecordingCognitoEndpoint();
        using var http = new HttpClient();
        var handler = new MachineClientRegistrationHandler(() => registry, http, TextWriter.Null, new CloudFormationResponseUrls(endpoint.Url));

        await handler.InvokeAsync(Event(requestType, endpoint.Url + "/cfn-response", properties, physicalId, logicalId), new TestContext(), CancellationToken.None);

        var put = Assert.Single(endpoint.Requests, r => string.Equals(r.Method, "PUT", StringComparison.Ordinal));
        return JsonDocument.Parse(put.Body).RootElement.Clone();
    }

    [Theory]
    [InlineData("Create")]
    [InlineData("Update")]
    public async Task Create_and_update_write_the_clients_tenant_and_each_scope_once(string requestType)
    {
        var registry = new MemoryRegistry();

        var answer = await AnswerAsync(registry, requestType, physicalId: string.Equals(requestType, "Update", StringComparison.Ordinal) ? "machine-client:7m9k2p4example0machine00000" : null);

        Assert.Equal("SUCCESS", answer.GetProperty("Status").GetString());
        Assert.Equal("machine-client:7m9k2p4example0machine00000", answer.GetProperty("PhysicalResourceId").GetString());
        var item = registry.Items["7m9k2p4example0machine00000"];
        Assert.Equal("acme-01", item.TenantId);
        Assert.Equal(["identitystack/read", "identitystack/write"], item.Scopes);
    }

    [Fact]
    public async Task A_client_of_no_tenant_is_written_without_one()
    {
        var registry = new MemoryRegistry();

        await AnswerAsync(registry, "Create", """{ "ClientId": "abc123", "Scopes": ["identitystack/read"] }""");

        Assert.Null(registry.Items["abc123"].TenantId);
    }

    [Fact]
    public async Task Delete_removes_the_item()
    {
        var registry = new MemoryRegistry();
        registry.Owned["7m9k2p4example0machine00000"] = (new("7m9k2p4example0machine00000", "acme-01", ["identitystack/read"]), $"{StackId}|{LogicalId}");

        var answer = await AnswerAsync(registry, "Delete", physicalId: "machine-client:7m9k2p4example0machine00000");

        Assert.Equal("SUCCESS", answer.GetProperty("Status").GetString());
        Assert.Equal("machine-client:7m9k2p4example0machine00000", answer.GetProperty("PhysicalResourceId").GetString());
        Assert.False(answer.TryGetProperty("Reason", out var reason) && reason.ValueKind != JsonValueKind.Null, "a plain removal gives no reason");
        Assert.Empty(registry.Items);
    }

    // A renamed registration resource: CloudFormation creates the new one (which registers the same
    // client) before it deletes the old one; the old one's delete must not remove the new item.
    [Fact]
    public async Task Deleting_an_older_registration_of_the_same_client_keeps_the_newer_ones_item()
    {
        var registry = new MemoryRegistry();
        await AnswerAsync(registry, "Create", logicalId: "OldRegistration");
        await AnswerAsync(registry, "Create", logicalId: "NewRegistration");

        var answer = await AnswerAsync(registry, "Delete", physicalId: "machine-client:7m9k2p4example0machine00000", logicalId: "OldRegistration");

        Assert.Equal("SUCCESS", answer.GetProperty("Status").GetString());
        Assert.Contains("newer registration", answer.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        Assert.Equal($"{StackId}|NewRegistration", registry.Owned["7m9k2p4example0machine00000"].Owner);
    }

    // Only CloudFormation's pre-signed S3 URLs take answers: an invocation with any other ResponseURL
    // (the Runtime API on 127.0.0.1 included) does nothing at all, not even the registration.
    [Theory]
    [InlineData("http://127.0.0.1:9001/2018-06-01/runtime/invocation/next")]
    [InlineData("https://attacker.example.com/cfn")]
    [InlineData("https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com.attacker.example/x")]
    [InlineData("http://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/x")]
    [InlineData("https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com:8443/x")]
    [InlineData("https://user@cloudformation-custom-resource-response-useast1.s3.amazonaws.com/x")]
    public async Task An_event_answering_anywhere_but_cloudformation_is_refused_and_nothing_is_written(string responseUrl)
    {
        var registry = new MemoryRegistry();
        using var http = new HttpClient();
        var handler = new MachineClientRegistrationHandler(() => registry, http, TextWriter.Null, new CloudFormationResponseUrls());

        var error = await Assert.ThrowsAsync<IdentityStack.Lambda.Runtime.LambdaEventFormatException>(async () =>
            await handler.InvokeAsync(Event("Create", responseUrl), new TestContext(), CancellationToken.None));

        Assert.Contains("not a CloudFormation response URL", error.Message, StringComparison.Ordinal);
        Assert.Empty(registry.Owned);
    }

    [Theory]
    [InlineData("https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/arn%3Aaws%3Acloudformation%3Aus-east-1%3A1%3Astack/x?X-Amz-Algorithm=AWS4-HMAC-SHA256", true)]
    [InlineData("https://cloudformation-custom-resource-response-euwest1.s3-eu-west-1.amazonaws.com/arn", true)]
    [InlineData("https://cloudformation-custom-resource-response-eu-west-1.s3.eu-west-1.amazonaws.com/arn", true)]
    [InlineData("https://cloudformation-custom-resource-response-cnnorth1.s3.cn-north-1.amazonaws.com.cn/arn", true)]
    [InlineData("https://s3.amazonaws.com/cloudformation-custom-resource-response-useast1/arn", false)]
    [InlineData("https://cloudformation-custom-resource-response-useast1.evil.amazonaws.com/arn", false)]
    public void CloudFormations_response_hosts_are_taken_and_lookalikes_are_not(string url, bool allowed) =>
        Assert.Equal(allowed, new CloudFormationResponseUrls().IsAllowed(new Uri(url)));

    [Fact]
    public void The_test_origin_is_taken_only_on_loopback_and_only_for_its_own_port()
    {
        Assert.True(new CloudFormationResponseUrls("http://127.0.0.1:4100").IsAllowed(new Uri("http://127.0.0.1:4100/cfn-response")));
        Assert.False(new CloudFormationResponseUrls("http://127.0.0.1:4100").IsAllowed(new Uri("http://127.0.0.1:9001/cfn-response")));
        Assert.False(new CloudFormationResponseUrls("https://attacker.example.com").IsAllowed(new Uri("https://attacker.example.com/x")));
    }

    public static TheoryData<string, string> BadProperties => new()
    {
        { """{ "Scopes": ["identitystack/read"] }""", "ResourceProperties.ClientId '(missing)'" },
        { """{ "ClientId": "abc/../x", "Scopes": ["identitystack/read"] }""", "ResourceProperties.ClientId 'abc/../x' is not an app client id" },
        { """{ "ClientId": "abc123", "TenantId": "{{resolve:ssm:/x}}", "Scopes": ["identitystack/read"] }""", "ResourceProperties.TenantId '{{resolve:ssm:/x}}' is not a tenant id" },
        { """{ "ClientId": "abc123" }""", "ResourceProperties.Scopes is missing" },
        { """{ "ClientId": "abc123", "Scopes": "identitystack/read" }""", "ResourceProperties.Scopes is missing, empty, too long or not a list" },
        { """{ "ClientId": "abc123", "Scopes": [] }""", "ResourceProperties.Scopes is missing, empty" },
        { """{ "ClientId": "abc123", "Scopes": [""" + string.Join(',', Enumerable.Range(0, 51).Select(i => $"\"s/{i}\"")) + """] }""", "ResourceProperties.Scopes is missing, empty, too long" },
        { """{ "ClientId": "abc123", "Scopes": ["identitystack/read", null] }""", "ResourceProperties.Scopes[1] is null, not a scope name" },
        { """{ "ClientId": "abc123", "Scopes": [7] }""", "ResourceProperties.Scopes[0] is 7, not a scope name" },
        { """{ "ClientId": "abc123", "Scopes": ["has space"] }""", "ResourceProperties.Scopes[0] is \"has space\", not a scope name" },
    };

    [Theory]
    [MemberData(nameof(BadProperties))]
    public async Task Bad_properties_are_answered_FAILED_naming_the_property_and_nothing_is_written(string properties, string reason)
    {
        var registry = new MemoryRegistry();

        var answer = await AnswerAsync(registry, "Create", properties);

        Assert.Equal("FAILED", answer.GetProperty("Status").GetString());
        Assert.Contains(reason, answer.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(registry.Items);
    }

    [Fact]
    public async Task Deleting_a_resource_whose_create_failed_succeeds_without_touching_the_table()
    {
        var registry = new MemoryRegistry { Failure = new InvalidOperationException("must not be called") };

        var answer = await AnswerAsync(registry, "Delete", """{ "Scopes": [] }""", physicalId: "machine-client:MachineClientsMachineClientbillingexport");

        Assert.Equal("SUCCESS", answer.GetProperty("Status").GetString());
    }

    [Fact]
    public async Task A_DynamoDB_error_is_answered_FAILED_with_its_message()
    {
        var registry = new MemoryRegistry { Failure = new Amazon.DynamoDBv2.AmazonDynamoDBException("User is not authorized to perform: dynamodb:PutItem") };

        var answer = await AnswerAsync(registry, "Create");

        Assert.Equal("FAILED", answer.GetProperty("Status").GetString());
        Assert.Contains("dynamodb:PutItem", answer.GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_already_gone_counts_as_removed()
    {
        var registry = new MemoryRegistry { Failure = new Amazon.DynamoDBv2.Model.ResourceNotFoundException("Requested resource not found") { ErrorCode = "ResourceNotFoundException" } };

        var answer = await AnswerAsync(registry, "Delete", physicalId: "machine-client:7m9k2p4example0machine00000");

        Assert.Equal("SUCCESS", answer.GetProperty("Status").GetString());
    }

    [Fact]
    public async Task An_event_without_a_response_url_is_refused_as_malformed()
    {
        using var http = new HttpClient();
        var handler = new MachineClientRegistrationHandler(() => new MemoryRegistry(), http, TextWriter.Null, new CloudFormationResponseUrls());

        await Assert.ThrowsAsync<IdentityStack.Lambda.Runtime.LambdaEventFormatException>(async () =>
            await handler.InvokeAsync(Encoding.UTF8.GetBytes("""{ "RequestType": "Create", "ResourceProperties": {} }"""), new TestContext(), CancellationToken.None));
    }

    [Fact]
    public async Task Another_request_type_is_answered_FAILED_naming_it()
    {
        var answer = await AnswerAsync(new MemoryRegistry(), "Refresh");

        Assert.Equal("FAILED", answer.GetProperty("Status").GetString());
        Assert.Equal("RequestType 'Refresh' is not Create, Update or Delete.", answer.GetProperty("Reason").GetString());
    }

    [Fact]
    public async Task Deleting_what_never_registered_or_a_table_already_gone_says_so()
    {
        var invalid = await AnswerAsync(new MemoryRegistry(), "Delete", """{ "Scopes": [] }""", physicalId: "machine-client:x");
        var gone = await AnswerAsync(new MemoryRegistry { Failure = new Amazon.DynamoDBv2.Model.ResourceNotFoundException("Requested resource not found") { ErrorCode = "ResourceNotFoundException" } }, "Delete", physicalId: "machine-client:x");

        Assert.Equal("No valid ClientId: nothing was registered, nothing to remove.", invalid.GetProperty("Reason").GetString());
        Assert.Equal("The directory table is already gone: Requested resource not found", gone.GetProperty("Reason").GetString());
    }

    [Fact]
    public async Task An_empty_tenant_is_no_tenant()
    {
        var registry = new MemoryRegistry();

        await AnswerAsync(registry, "Create", """{ "ClientId": "abc123", "TenantId": "", "Scopes": ["identitystack/read"] }""");

        Assert.Null(registry.Items["abc123"].TenantId);
    }

    [Theory]
    [InlineData(128, 50, "SUCCESS")]
    [InlineData(129, 1, "FAILED")]
    [InlineData(0, 1, "FAILED")]
    public async Task A_client_id_of_up_to_128_characters_and_up_to_50_scopes_are_taken(int idLength, int scopes, string status)
    {
        var properties = $$"""{ "ClientId": "{{new string('a', idLength)}}", "Scopes": [{{string.Join(',', Enumerable.Range(0, scopes).Select(i => $"\"s/{i}\""))}}] }""";

        var answer = await AnswerAsync(new MemoryRegistry(), "Create", properties);

        Assert.Equal(status, answer.GetProperty("Status").GetString());
    }

    [Theory]
    [InlineData(80, false)]
    [InlineData(81, true)]
    public void A_long_value_in_a_refusal_is_shortened_after_80_characters(int length, bool shortened)
    {
        var error = Assert.Throws<InvalidOperationException>(() => MachineClientRegistrationHandler.Read(new MachineClientProperties { ClientId = "abc", TenantId = new string('!', length), Scopes = JsonDocument.Parse("[\"s\"]").RootElement }));

        Assert.Equal(shortened, error.Message.Contains(new string('!', 80) + "...", StringComparison.Ordinal));
        Assert.Contains(new string('!', 80), error.Message, StringComparison.Ordinal);
    }
}
