using IdentityStack.Triggers.Triggers;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Triggers.Tests;

public sealed class PreTokenGenerationTriggerTests
{
    private static readonly TriggerSettings Settings = Fixtures.Settings(
        (TriggerEnvironment.GroupScopes, "admins=identitystack/admin,identitystack/write;members=identitystack/read"));

    [Fact]
    public async Task V2_adds_tenant_and_roles_to_both_tokens_and_scopes_by_group()
    {
        var e = Fixtures.Load("pre-token-generation-v2.json", Fixtures.Json.PreTokenGenerationV2Event);

        var result = await new PreTokenGenerationTrigger(Settings, new InMemoryDirectory(), TimeProvider.System, TextWriter.Null).HandleV2Async(e, new TestContext(), CancellationToken.None);

        var details = result.Response.ClaimsAndScopeOverrideDetails!;
        foreach (var token in new[] { details.IdTokenGeneration!, details.AccessTokenGeneration! })
        {
            Assert.Equal("acme-01", token.ClaimsToAddOrOverride!["tenant_id"]!.GetValue<string>());
            Assert.Equal(["admins", "members"], token.ClaimsToAddOrOverride["roles"]!.AsArray().Select(r => r!.GetValue<string>()), StringComparer.Ordinal);
            Assert.Equal(["phone_number", "phone_number_verified"], token.ClaimsToSuppress!, StringComparer.Ordinal);
        }

        // identitystack/read is already granted by the client: only the missing scopes are added.
        Assert.Equal(["identitystack/admin", "identitystack/write"], details.AccessTokenGeneration!.ScopesToAdd!, StringComparer.Ordinal);
    }

    [Fact]
    public async Task V2_for_a_user_without_groups_or_tenant_adds_empty_roles_and_no_scopes()
    {
        var e = Fixtures.Load("pre-token-generation-v2.json", Fixtures.Json.PreTokenGenerationV2Event);
        e.Request.GroupConfiguration.GroupsToOverride.Clear();
        e.Request.UserAttributes.Remove("custom:tenant_id");

        var result = await new PreTokenGenerationTrigger(Settings, new InMemoryDirectory(), TimeProvider.System, TextWriter.Null).HandleV2Async(e, new TestContext(), CancellationToken.None);

        var access = result.Response.ClaimsAndScopeOverrideDetails!.AccessTokenGeneration!;
        Assert.Empty(access.ClaimsToAddOrOverride!["roles"]!.AsArray());
        Assert.DoesNotContain("tenant_id", access.ClaimsToAddOrOverride.Keys, StringComparer.Ordinal);
        Assert.Null(access.ScopesToAdd);
    }

    [Fact]
    public async Task V1_puts_tenant_and_roles_in_the_id_token_as_strings()
    {
        var e = Fixtures.Load("pre-token-generation-v1.json", Fixtures.Json.PreTokenGenerationEvent);

        var result = await new PreTokenGenerationTrigger(Settings, new InMemoryDirectory(), TimeProvider.System, TextWriter.Null).HandleV1Async(e, new TestContext(), CancellationToken.None);

        var claims = result.Response.ClaimsOverrideDetails!;
        Assert.Equal("acme-01", claims.ClaimsToAddOrOverride!["tenant_id"]);
        Assert.Equal("members", claims.ClaimsToAddOrOverride["roles"]);
        Assert.Contains("phone_number", claims.ClaimsToSuppress!, StringComparer.Ordinal);
    }

    [Fact]
    public async Task V2_for_a_members_only_user_adds_no_admin_or_write_scope()
    {
        var e = Fixtures.Load("pre-token-generation-v2.json", Fixtures.Json.PreTokenGenerationV2Event);
        e.Request.GroupConfiguration.GroupsToOverride.Clear();
        e.Request.GroupConfiguration.GroupsToOverride.Add("members");

        var result = await new PreTokenGenerationTrigger(Settings, new InMemoryDirectory(), TimeProvider.System, TextWriter.Null).HandleV2Async(e, new TestContext(), CancellationToken.None);

        var access = result.Response.ClaimsAndScopeOverrideDetails!.AccessTokenGeneration!;
        Assert.Equal(["members"], access.ClaimsToAddOrOverride!["roles"]!.AsArray().Select(r => r!.GetValue<string>()), StringComparer.Ordinal);
        Assert.Null(access.ScopesToAdd); // identitystack/read is already granted; admin and write never are
    }

    // Cognito runs pre token generation, never pre authentication, for a refresh-token grant
    // (developer guide, "Lambda trigger sources": TokenGeneration_RefreshTokens,
    // https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html).
    // So a suspension or a disabled profile must stop token issue here too.
    [Theory]
    [InlineData("TokenGeneration_RefreshTokens")]
    [InlineData("TokenGeneration_Authentication")]
    [InlineData("TokenGeneration_HostedAuth")]
    public async Task V2_issues_no_tokens_to_a_suspended_tenant_or_a_disabled_user(string source)
    {
        var e = Fixtures.Load("pre-token-generation-v2.json", Fixtures.Json.PreTokenGenerationV2Event);
        e.TriggerSource = source;
        var suspended = new InMemoryDirectory();
        suspended.SuspendedTenants.Add("acme-01");
        var disabled = new InMemoryDirectory();
        disabled.DisabledUsers.Add(e.Request.UserAttributes["sub"]);

        var tenantError = await Assert.ThrowsAsync<TriggerRejectedException>(() => new PreTokenGenerationTrigger(Settings, suspended, TimeProvider.System, TextWriter.Null).HandleV2Async(e, new TestContext(), CancellationToken.None).AsTask());
        var userError = await Assert.ThrowsAsync<TriggerRejectedException>(() => new PreTokenGenerationTrigger(Settings, disabled, TimeProvider.System, TextWriter.Null).HandleV2Async(e, new TestContext(), CancellationToken.None).AsTask());

        Assert.Equal("Your organisation's access is suspended. Contact your administrator.", tenantError.Message);
        Assert.Equal("This account is disabled. Contact your administrator.", userError.Message);
    }

    [Fact]
    public async Task V1_issues_no_tokens_to_a_suspended_tenant_on_refresh()
    {
        var e = Fixtures.Load("pre-token-generation-v1.json", Fixtures.Json.PreTokenGenerationEvent);
        e.TriggerSource = "TokenGeneration_RefreshTokens";
        var directory = new InMemoryDirectory();
        directory.SuspendedTenants.Add("acme-01");

        await Assert.ThrowsAsync<TriggerRejectedException>(() => new PreTokenGenerationTrigger(Settings, directory, TimeProvider.System, TextWriter.Null).HandleV1Async(e, new TestContext(), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task A_user_without_a_profile_gets_one_at_the_first_token_issue_and_only_once()
    {
        var directory = new InMemoryDirectory();
        var trigger = new PreTokenGenerationTrigger(Settings, directory, new FixedClock(DateTimeOffset.Parse("2026-11-29T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), TextWriter.Null);

        foreach (var source in new[] { "TokenGeneration_NewPasswordChallenge", "TokenGeneration_RefreshTokens" })
        {
            var e = Fixtures.Load("pre-token-generation-v2.json", Fixtures.Json.PreTokenGenerationV2Event);
            e.TriggerSource = source;
            await trigger.HandleV2Async(e, new TestContext(), CancellationToken.None);
        }

        var profile = Assert.Single(directory.Profiles.Values);
        Assert.Equal("8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", profile.Sub);
        Assert.Equal("acme-01", profile.TenantId);
        Assert.Equal("maria@example.com", profile.Email);
        Assert.Equal(1, directory.Writes);
    }

    [Fact]
    public async Task A_failed_profile_write_still_issues_tokens_and_logs_a_warning()
    {
        var log = new StringWriter();
        var e = Fixtures.Load("pre-token-generation-v2.json", Fixtures.Json.PreTokenGenerationV2Event);

        var result = await new PreTokenGenerationTrigger(Settings, new ReadOnlyDirectory(), TimeProvider.System, log).HandleV2Async(e, new TestContext(), CancellationToken.None);

        Assert.NotNull(result.Response.ClaimsAndScopeOverrideDetails);
        Assert.Equal("WARN", System.Text.Json.Nodes.JsonNode.Parse(log.ToString().Trim())!["level"]!.GetValue<string>());
    }

    /// <summary>Reads work (no profile, active tenant); writes fail.</summary>
    private sealed class ReadOnlyDirectory : IdentityStack.Triggers.Directory.IIdentityDirectory
    {
        public Task<bool> CreateProfileIfAbsentAsync(IdentityStack.Triggers.Directory.UserProfile profile, CancellationToken cancellationToken) =>
            throw new HttpRequestException("write refused");

        public Task<bool> IsTenantSuspendedAsync(string tenantId, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<IdentityStack.Triggers.Directory.ProfileState> GetProfileStateAsync(string userSub, CancellationToken cancellationToken) =>
            Task.FromResult(IdentityStack.Triggers.Directory.ProfileState.Missing);
    }

    [Fact]
    public void The_suppressed_claims_come_from_configuration() =>
        Assert.Equal(["address"], Fixtures.Settings((TriggerEnvironment.SuppressedClaims, "address")).SuppressedClaims, StringComparer.Ordinal);
}
