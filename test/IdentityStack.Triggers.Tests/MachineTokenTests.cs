using IdentityStack.Lambda.CognitoEvents;

namespace IdentityStack.Triggers.Tests;

/// <summary>
/// Pre token generation version 3 (developer guide, "Pre token generation Lambda trigger",
/// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html):
/// V3 events reach the trigger for users' tokens, exactly as V2 does, and for machine-to-machine
/// access tokens of the client-credentials grant, where the app client authenticated with its
/// secret. The machine is callerContext.clientId; the client metadata is the caller's own choice.
/// </summary>
public sealed class MachineTokenTests
{
    private const string MachineClientId = "7m9k2p4example0machine00000";

    private static readonly TriggerSettings Settings = Fixtures.Settings(
        (TriggerEnvironment.GroupScopes, "admins=identitystack/admin,identitystack/write;members=identitystack/read"));

    private static PreTokenGenerationV3Event MachineEvent() =>
        Fixtures.Load("pre-token-generation-v3-client-credentials.json", Fixtures.Json.PreTokenGenerationV3Event);

    private static async Task<(PreTokenGenerationV3Event Result, StringWriter Log)> HandleAsync(PreTokenGenerationV3Event e, InMemoryDirectory directory)
    {
        var log = new StringWriter();
        var result = await new PreTokenGenerationTrigger(Settings, directory, TimeProvider.System, log).HandleV3Async(e, new TestContext(), CancellationToken.None);
        return (result, log);
    }

    private static InMemoryDirectory Registered(string? tenant, params string[] scopes)
    {
        var directory = new InMemoryDirectory();
        directory.MachineClients[MachineClientId] = new MachineClient(MachineClientId, tenant, scopes);
        return directory;
    }

    [Fact]
    public async Task A_registered_machine_clients_access_token_gets_its_tenant()
    {
        var (result, _) = await HandleAsync(MachineEvent(), Registered("acme-01", "identitystack/read", "identitystack/write"));

        var details = result.Response.ClaimsAndScopeOverrideDetails!;
        Assert.Equal("acme-01", details.AccessTokenGeneration!.ClaimsToAddOrOverride!["tenant_id"]!.GetValue<string>());
        Assert.Null(details.AccessTokenGeneration.ScopesToSuppress);
        Assert.Null(details.AccessTokenGeneration.ScopesToAdd);
        // A client-credentials grant issues no ID token, and a machine has no groups: nothing else changes.
        Assert.Null(details.IdTokenGeneration);
        Assert.Null(details.GroupOverrideDetails);
        Assert.DoesNotContain("roles", details.AccessTokenGeneration.ClaimsToAddOrOverride.Keys, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Scopes_outside_the_registration_are_removed_and_none_are_added()
    {
        var (result, _) = await HandleAsync(MachineEvent(), Registered("acme-01", "identitystack/read"));

        var access = result.Response.ClaimsAndScopeOverrideDetails!.AccessTokenGeneration!;
        Assert.Equal(["identitystack/write"], access.ScopesToSuppress!, StringComparer.Ordinal);
        Assert.Null(access.ScopesToAdd);
    }

    [Fact]
    public async Task A_client_of_no_tenant_gets_no_tenant_claim()
    {
        var (result, _) = await HandleAsync(MachineEvent(), Registered(tenant: null, "identitystack/read", "identitystack/write"));

        Assert.Null(result.Response.ClaimsAndScopeOverrideDetails!.AccessTokenGeneration!.ClaimsToAddOrOverride);
    }

    // Fail closed (point 5 of the tenant-isolation review): an app client nobody registered gets no
    // client-credentials token; the refusal carries the metric an alarm watches.
    [Fact]
    public async Task An_unregistered_client_gets_no_token_and_the_refusal_is_counted()
    {
        var error = await Assert.ThrowsAsync<TriggerRejectedException>(() => HandleAsync(MachineEvent(), new InMemoryDirectory()));

        Assert.Equal(PreTokenGenerationTrigger.UnregisteredMachineClientMessage, error.Message);
        Assert.Equal(TriggerMetricNames.UnregisteredMachineClientToken, error.Metric);
        Assert.Contains(MachineClientId, error.LogNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_of_a_suspended_tenant_gets_no_token()
    {
        var directory = Registered("acme-01", "identitystack/read");
        directory.SuspendedTenants.Add("acme-01");

        var error = await Assert.ThrowsAsync<TriggerRejectedException>(() => HandleAsync(MachineEvent(), directory));

        Assert.Equal(IdentityStack.Triggers.Directory.AccountAccess.SuspendedMessage, error.Message);
    }

    [Fact]
    public async Task Client_metadata_never_chooses_the_tenant()
    {
        var e = MachineEvent();
        e.Request.ClientMetadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["tenant_id"] = "someone-else", ["custom:tenant_id"] = "someone-else" };

        var (result, _) = await HandleAsync(e, Registered("acme-01", "identitystack/read", "identitystack/write"));

        Assert.Equal("acme-01", result.Response.ClaimsAndScopeOverrideDetails!.AccessTokenGeneration!.ClaimsToAddOrOverride!["tenant_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_event_without_the_client_id_is_refused_as_malformed()
    {
        var e = MachineEvent();
        e.CallerContext.ClientId = null;

        var error = await Assert.ThrowsAsync<IdentityStack.Lambda.Runtime.LambdaEventFormatException>(() => HandleAsync(e, Registered("acme-01", "identitystack/read")));

        Assert.Contains("callerContext.clientId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_that_does_not_answer_means_no_token()
    {
        var e = MachineEvent();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await new PreTokenGenerationTrigger(Settings, new SlowDirectory(), TimeProvider.System, TextWriter.Null).HandleV3Async(e, new TestContext(), cancelled.Token));
    }

    [Fact]
    public async Task A_users_version_3_event_is_customised_as_in_version_2()
    {
        var v3 = Fixtures.Load("pre-token-generation-v3.json", Fixtures.Json.PreTokenGenerationV3Event);
        var v2 = Fixtures.Load("pre-token-generation-v2.json", Fixtures.Json.PreTokenGenerationV2Event);
        var trigger = new PreTokenGenerationTrigger(Settings, new InMemoryDirectory(), TimeProvider.System, TextWriter.Null);

        var fromV3 = (await trigger.HandleV3Async(v3, new TestContext(), CancellationToken.None)).Response;
        var fromV2 = (await trigger.HandleV2Async(v2, new TestContext(), CancellationToken.None)).Response;

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(fromV2, Fixtures.Json.PreTokenGenerationV2Response),
            System.Text.Json.JsonSerializer.Serialize(fromV3, Fixtures.Json.PreTokenGenerationV2Response));
        Assert.Equal("acme-01", fromV3.ClaimsAndScopeOverrideDetails!.IdTokenGeneration!.ClaimsToAddOrOverride!["tenant_id"]!.GetValue<string>());
    }

    /// <summary>A directory that answers only when the invocation's budget is gone.</summary>
    private sealed class SlowDirectory : IIdentityDirectory
    {
        public Task<bool> CreateProfileIfAbsentAsync(UserProfile profile, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> IsTenantSuspendedAsync(string tenantId, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<StoredProfile> GetProfileAsync(string userSub, CancellationToken cancellationToken) => Task.FromResult(new StoredProfile(ProfileState.Active, null));

        public Task MoveProfileToTenantAsync(string userSub, string? tenantId, CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task<MachineClient?> GetMachineClientAsync(string clientId, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }

    [Fact]
    public async Task A_machine_that_asks_for_no_scopes_gets_none_suppressed()
    {
        var e = MachineEvent();
        e.Request!.Scopes = null!;

        var (result, _) = await HandleAsync(e, Registered("acme-01", "identitystack/read"));

        Assert.Null(result.Response.ClaimsAndScopeOverrideDetails!.AccessTokenGeneration!.ScopesToSuppress);
    }

    [Fact]
    public async Task A_user_event_without_a_request_is_malformed_with_the_reason()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Fixtures.Text("pre-token-generation-v3.json"))!.AsObject();
        json["request"] = null;
        var e = JsonSerializer.Deserialize(json.ToJsonString(), Fixtures.Json.PreTokenGenerationV3Event)!;

        var error = await Assert.ThrowsAsync<IdentityStack.Lambda.Runtime.LambdaEventFormatException>(() => HandleAsync(e, new InMemoryDirectory()));

        Assert.Equal("The event has no request.", error.Message);
    }
}
