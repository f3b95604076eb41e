using System.Text;
using IdentityStack.Testing;
using IdentityStack.Triggers.CustomResources;

namespace IdentityStack.Triggers.Tests;

/// <summary>The machine client registration custom resource: what it writes and removes, and that CloudFormation always gets an answer.</summary>
public sealed class MachineClientRegistrationTests
{
    private const string ValidProperties = """{ "ServiceToken": "arn:aws:lambda:eu-west-1:111122223333:function:f", "ClientId": "7m9k2p4example0machine00000", "TenantId": "acme-01", "Scopes": ["identitystack/read", "identitystack/write", "identitystack/read"] }""";

    private sealed class MemoryRegistry : IMachineClientRegistry
    {
        public Dictionary<string, MachineClient> Items { get; } = new(StringComparer.Ordinal);

        public Exception? Failure { get; init; }

        public Task RegisterAsync(MachineClient client, CancellationToken cancellationToken)
        {
            if (Failure is not null)
            {
                throw Failure;
            }

            Items[client.ClientId] = client;
            return Task.CompletedTask;
        }

        public Task UnregisterAsync(string clientId, CancellationToken cancellationToken)
        {
            if (Failure is not null)
            {
                throw Failure;
            }

            Items.Remove(clientId);
            return Task.CompletedTask;
        }
    }

    private static byte[] Event(string requestType, string responseUrl, string properties = ValidProperties, string? physicalId = null) =>
        Encoding.UTF8.GetBytes($$"""
            { "RequestType": "{{requestType}}", "ResponseURL": "{{responseUrl}}", "StackId": "arn:aws:cloudformation:eu-west-1:111122223333:stack/IdentityStack-dev/1",
              "RequestId": "req-1", "ResourceType": "Custom::MachineClientRegistration", "LogicalResourceId": "MachineClientsMachineClientbillingexport",
              {{(physicalId is null ? string.Empty : $"\"PhysicalResourceId\": \"{physicalId}\",")}}
              "ResourceProperties": {{properties}} }
            """);

    /// <summary>Runs one request; returns CloudFormation's answer as the ResponseURL received it.</summary>
    private static async Task<JsonElement> AnswerAsync(MemoryRegistry registry, string requestType, string properties = ValidProperties, string? physicalId = null)
    {
        await using var endpoint = new RecordingCognitoEndpoint();
        using var http = new HttpClient();
        var handler = new MachineClientRegistrationHandler(() => registry, http, TextWriter.Null);

        await handler.InvokeAsync(Event(requestType, endpoint.Url + "/cfn-response", properties, physicalId), new TestContext(), CancellationToken.None);

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
        registry.Items["7m9k2p4example0machine00000"] = new("7m9k2p4example0machine00000", "acme-01", ["identitystack/read"]);

        var answer = await AnswerAsync(registry, "Delete", physicalId: "machine-client:7m9k2p4example0machine00000");

        Assert.Equal("SUCCESS", answer.GetProperty("Status").GetString());
        Assert.Equal("machine-client:7m9k2p4example0machine00000", answer.GetProperty("PhysicalResourceId").GetString());
        Assert.Empty(registry.Items);
    }

    public static TheoryData<string, string> BadProperties => new()
    {
        { """{ "Scopes": ["identitystack/read"] }""", "ResourceProperties.ClientId '(missing)'" },
        { """{ "ClientId": "abc/../x", "Scopes": ["identitystack/read"] }""", "ResourceProperties.ClientId 'abc/../x' is not an app client id" },
        { """{ "ClientId": "abc123", "TenantId": "{{resolve:ssm:/x}}", "Scopes": ["identitystack/read"] }""", "ResourceProperties.TenantId '{{resolve:ssm:/x}}' is not a tenant id" },
        { """{ "ClientId": "abc123" }""", "ResourceProperties.Scopes is missing" },
        { """{ "ClientId": "abc123", "Scopes": "identitystack/read" }""", "ResourceProperties.Scopes is missing, empty, too long or not a list" },
        { """{ "ClientId": "abc123", "Scopes": [] }""", "ResourceProperties.Scopes is missing, empty" },
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
        var handler = new MachineClientRegistrationHandler(() => new MemoryRegistry(), http, TextWriter.Null);

        await Assert.ThrowsAsync<IdentityStack.Lambda.Runtime.LambdaEventFormatException>(async () =>
            await handler.InvokeAsync(Encoding.UTF8.GetBytes("""{ "RequestType": "Create", "ResourceProperties": {} }"""), new TestContext(), CancellationToken.None));
    }
}
