using System.Text;
using System.Text.Json.Nodes;
using IdentityStack.Lambda.Runtime;

namespace IdentityStack.Triggers.Tests;

/// <summary>
/// Cognito shows a failed trigger's error message to the user ("&lt;Trigger&gt; failed with error
/// &lt;message&gt;."): only deliberate refusals may say anything; every other failure says the generic
/// sentence with the request id, and the whole error goes to the log.
/// </summary>
public sealed class UserFacingErrorsTests
{
    private const string RequestId = "0f9a7c1e-3b2d-4e5f-8a9b-0c1d2e3f4a5b";
    private const string InternalDetail = "Requested resource not found: Table: identity-prod-directory not found (Service: DynamoDb, Status Code: 400)";

    private static (IReadOnlyDictionary<string, Func<ILambdaHandler>> Handlers, StringWriter Log) Registry(IIdentityDirectory directory, params (string Name, string Value)[] variables)
    {
        var log = new StringWriter();
        var environment = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        var handlers = TriggerRegistry.Create(
            name => environment.GetValueOrDefault(name),
            _ => directory,
            _ => new InMemoryLegacyUsers(),
            log,
            TimeProvider.System);
        return (handlers, log);
    }

    private static Task<byte[]> Invoke(IReadOnlyDictionary<string, Func<ILambdaHandler>> handlers, string handler, string payload) =>
        handlers[handler]().InvokeAsync(Encoding.UTF8.GetBytes(payload), new TestContext { RequestId = RequestId }, CancellationToken.None).AsTask();

    [Fact]
    public async Task A_dependency_failure_reaches_the_user_as_the_generic_sentence_and_the_log_in_full()
    {
        var (handlers, log) = Registry(new FailingDirectory(new InvalidOperationException(InternalDetail)));

        var error = await Assert.ThrowsAsync<TriggerFailedException>(() => Invoke(handlers, TriggerHandlerNames.PreAuthentication, Fixtures.Text("pre-authentication.json")));

        Assert.Equal($"Something went wrong on our side. Please try again in a moment. Reference: {RequestId}", error.Message);
        Assert.DoesNotContain("identity-prod-directory", error.Message, StringComparison.Ordinal);
        var line = JsonNode.Parse(log.ToString().Trim())!;
        Assert.Equal("ERROR", line["level"]!.GetValue<string>());
        Assert.Equal(TriggerHandlerNames.PreAuthentication, line["trigger"]!.GetValue<string>());
        Assert.Equal(RequestId, line["requestId"]!.GetValue<string>());
        Assert.Equal("System.InvalidOperationException", line["errorType"]!.GetValue<string>());
        Assert.Equal(InternalDetail, line["errorMessage"]!.GetValue<string>());
        Assert.Contains("FailingDirectory", line["stackTrace"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    // A refusal operators must see (a provider asserting a foreign tenant) reaches the user as its own
    // sentence and the log as a warning that counts one of its metric in CloudWatch's Embedded Metric
    // Format, which the tenant alarm watches.
    [Fact]
    public async Task A_counted_refusal_passes_through_and_leaves_a_warning_with_its_metric()
    {
        var (handlers, log) = Registry(new InMemoryDirectory(), (TriggerEnvironment.ProviderTenants, "AcmeOidc=acme-01"));
        var e = JsonNode.Parse(Fixtures.Text("pre-token-generation-v2.json"))!;
        e["userName"] = "acmeoidc_1048";
        e["request"]!["userAttributes"]!["cognito:user_status"] = "EXTERNAL_PROVIDER";
        e["request"]!["userAttributes"]!["custom:idp_tenant"] = "globex";

        var error = await Assert.ThrowsAsync<TriggerRejectedException>(() => Invoke(handlers, TriggerHandlerNames.PreTokenGeneration, e.ToJsonString()));

        Assert.Equal(UserTenant.ForeignTenantMessage, error.Message);
        var line = JsonNode.Parse(log.ToString().Trim())!;
        Assert.Equal("WARN", line["level"]!.GetValue<string>());
        Assert.Contains("'globex'", line["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, line[TriggerMetricNames.ForeignProviderTenant]!.GetValue<int>());
        var metrics = line["_aws"]!["CloudWatchMetrics"]![0]!;
        Assert.Equal(TriggerMetricNames.Namespace, metrics["Namespace"]!.GetValue<string>());
        Assert.Equal(TriggerMetricNames.ForeignProviderTenant, metrics["Metrics"]![0]!["Name"]!.GetValue<string>());
        Assert.Empty(metrics["Dimensions"]![0]!.AsArray());
    }

    [Fact]
    public async Task A_malformed_event_is_not_described_to_the_user()
    {
        var (handlers, log) = Registry(new InMemoryDirectory());

        var error = await Assert.ThrowsAsync<TriggerFailedException>(() => Invoke(handlers, TriggerHandlerNames.PreTokenGeneration, """{"version":"7"}"""));

        Assert.DoesNotContain("version", error.Message, StringComparison.Ordinal);
        var line = JsonNode.Parse(log.ToString().Trim())!;
        Assert.Equal("IdentityStack.Lambda.Runtime.LambdaEventFormatException", line["errorType"]!.GetValue<string>());
        Assert.Equal("Unsupported pre token generation event version '7'; expected \"1\", \"2\" or \"3\".", line["errorMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deliberate_refusal_passes_through_word_for_word_and_is_not_logged_as_an_error()
    {
        var (handlers, log) = Registry(new InMemoryDirectory(), (TriggerEnvironment.AllowedEmailDomains, "example.org"));

        var refusal = await Assert.ThrowsAsync<TriggerRejectedException>(() => Invoke(handlers, TriggerHandlerNames.PreSignUp, Fixtures.Text("pre-signup-sign-up.json")));

        Assert.Equal("Sign-up with this email domain is not allowed. Use your organisation's email address.", refusal.Message);
        Assert.Equal(string.Empty, log.ToString());
    }

    [Theory]
    [InlineData(TriggerHandlerNames.PreSignUp)]
    [InlineData(TriggerHandlerNames.PostConfirmation)]
    [InlineData(TriggerHandlerNames.PreAuthentication)]
    [InlineData(TriggerHandlerNames.PostAuthentication)]
    [InlineData(TriggerHandlerNames.PreTokenGeneration)]
    [InlineData(TriggerHandlerNames.CustomMessage)]
    [InlineData(TriggerHandlerNames.UserMigration)]
    public async Task Every_Cognito_trigger_answers_a_broken_event_with_the_generic_sentence(string trigger)
    {
        var (handlers, _) = Registry(new InMemoryDirectory(), (TriggerEnvironment.DirectoryTable, "t"), (TriggerEnvironment.LegacyUsersTable, "l"));

        var error = await Assert.ThrowsAsync<TriggerFailedException>(() => Invoke(handlers, trigger, "{ not json"));

        Assert.EndsWith("Reference: " + RequestId, error.Message, StringComparison.Ordinal);
    }

    private sealed class FailingDirectory(Exception error) : IIdentityDirectory
    {
        public Task<bool> CreateProfileIfAbsentAsync(UserProfile profile, CancellationToken cancellationToken) => FailWith<bool>();

        public Task<bool> IsTenantSuspendedAsync(string tenantId, CancellationToken cancellationToken) => FailWith<bool>();

        public Task<StoredProfile> GetProfileAsync(string userSub, CancellationToken cancellationToken) => FailWith<StoredProfile>();

        public Task MoveProfileToTenantAsync(string userSub, string? tenantId, CancellationToken cancellationToken) => FailWith<bool>();

        public Task<MachineClient?> GetMachineClientAsync(string clientId, CancellationToken cancellationToken) => FailWith<MachineClient?>();

        private async Task<T> FailWith<T>()
        {
            await Task.Yield();
            throw error;
        }
    }
}
