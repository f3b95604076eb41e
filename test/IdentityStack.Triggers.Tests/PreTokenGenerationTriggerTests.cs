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

        public Task<StoredProfile> GetProfileAsync(string userSub, CancellationToken cancellationToken) =>
            Task.FromResult(StoredProfile.Missing);

        public Task MoveProfileToTenantAsync(string userSub, string? tenantId, CancellationToken cancellationToken) =>
            throw new HttpRequestException("write refused");

        public Task<IdentityStack.Triggers.Directory.MachineClient?> GetMachineClientAsync(string clientId, CancellationToken cancellationToken) =>
            Task.FromResult<IdentityStack.Triggers.Directory.MachineClient?>(null);
    }

    private static readonly TriggerSettings WithAllowList = Fixtures.Settings(
        (TriggerEnvironment.GroupScopes, "admins=identitystack/admin,identitystack/write;members=identitystack/read"),
        (TriggerEnvironment.AllowedEmailDomains, "example.com"),
        (TriggerEnvironment.ProviderTenants, "AcmeOidc=acme-01,globex"));

    /// <summary>
    /// A user's V2 event. A federated one is as Cognito sends it for a user it created at a sign-in
    /// through AcmeOidc: status EXTERNAL_PROVIDER, username "acmeoidc_1048" (the provider part
    /// lower-cased), <c>identities</c>, and what the provider mapped (<c>custom:idp_*</c>).
    /// </summary>
    private static PreTokenGenerationV2Event User(string email, string emailVerified, string? tenant, bool federated = false, string? idpTenant = null, string? idpEmailVerified = "true")
    {
        var e = Fixtures.Load("pre-token-generation-v2.json", Fixtures.Json.PreTokenGenerationV2Event);
        var attributes = e.Request.UserAttributes;
        attributes["email"] = email;
        attributes["email_verified"] = emailVerified;
        attributes.Remove("custom:tenant_id");
        if (tenant is not null)
        {
            attributes["custom:tenant_id"] = tenant;
        }

        if (federated)
        {
            e.UserName = "acmeoidc_1048";
            attributes["cognito:user_status"] = "EXTERNAL_PROVIDER";
            attributes["identities"] = """[{"userId":"1048","providerName":"AcmeOidc","providerType":"OIDC","primary":"true"}]""";
            if (idpEmailVerified is not null)
            {
                attributes["custom:idp_email_verified"] = idpEmailVerified;
            }
        }

        if (idpTenant is not null)
        {
            attributes["custom:idp_tenant"] = idpTenant;
        }

        return e;
    }

    private static string? TenantClaim(PreTokenGenerationV2Event result) =>
        result.Response.ClaimsAndScopeOverrideDetails!.AccessTokenGeneration!.ClaimsToAddOrOverride!.TryGetValue("tenant_id", out var tenant) ? tenant!.GetValue<string>() : null;

    private static Task<PreTokenGenerationV2Event> Issue(PreTokenGenerationV2Event e, TriggerSettings? settings = null, InMemoryDirectory? directory = null) =>
        new PreTokenGenerationTrigger(settings ?? WithAllowList, directory ?? new InMemoryDirectory(), TimeProvider.System, TextWriter.Null)
            .HandleV2Async(e, new TestContext(), CancellationToken.None).AsTask();

    // Path 1: with email and phone both auto-verified, Cognito sends the sign-up code to the phone
    // only (developer guide, "Verifying contact information at sign-up",
    // https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html; aws-cdk's
    // AutoVerifiedAttrs: "If both email and phone is set, Cognito only verifies the phone number").
    // A user confirmed that way has an unverified email: no tokens.
    [Fact]
    public async Task A_user_confirmed_by_phone_with_an_unverified_email_gets_no_tokens()
    {
        var error = await Assert.ThrowsAsync<TriggerRejectedException>(() => Issue(User("ceo@example.com", "false", tenant: null)));

        Assert.Equal("Verify your email address before signing in.", error.Message);
    }

    // Path 2: a self-signed-up user who later changes and verifies an address at another domain.
    [Fact]
    public async Task A_self_signed_up_user_whose_email_moved_to_another_domain_gets_no_tokens()
    {
        var error = await Assert.ThrowsAsync<TriggerRejectedException>(() => Issue(User("mallory@evil.test", "true", tenant: null)));

        Assert.Equal("Sign-in with this email domain is not allowed. Use your organisation's email address.", error.Message);
    }

    // Path 3: a federated user is held to the list at every token issue, whatever the provider sends.
    [Fact]
    public async Task A_federated_user_at_another_domain_gets_no_tokens_even_with_a_tenant_attribute()
    {
        var domain = await Assert.ThrowsAsync<TriggerRejectedException>(() => Issue(User("li@evil.test", "true", tenant: "acme-01", federated: true, idpTenant: "acme-01")));

        Assert.Equal(EmailPolicy.DomainMessage, domain.Message);
    }

    // A federated user's email counts as verified by what the provider says now (mapped to
    // custom:idp_email_verified and rewritten by Cognito at every federated sign-in, developer guide,
    // "Specifying identity provider attribute mappings for your user pool",
    // https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-specifying-attribute-mapping.html),
    // not by the pool's email_verified, which pre sign-up set once at the first sign-in.
    [Theory]
    [InlineData("false")]
    [InlineData(null)]
    public async Task A_federated_email_the_provider_no_longer_verifies_gets_no_tokens_though_the_pool_says_verified(string? idpEmailVerified)
    {
        var error = await Assert.ThrowsAsync<TriggerRejectedException>(() => Issue(User("li@example.com", "true", tenant: null, federated: true, idpEmailVerified: idpEmailVerified)));

        Assert.Equal(EmailPolicy.UnverifiedMessage, error.Message);
    }

    [Fact]
    public async Task A_provider_trusted_for_email_or_exempt_from_the_list_gets_tokens_without_the_claim()
    {
        var trusted = Fixtures.Settings((TriggerEnvironment.AllowedEmailDomains, "example.com"), (TriggerEnvironment.TrustedEmailProviders, "AcmeOidc"));
        var exempt = Fixtures.Settings((TriggerEnvironment.AllowedEmailDomains, "example.com"), (TriggerEnvironment.AllowListExemptProviders, "AcmeOidc"));

        await Issue(User("li@example.com", "false", tenant: null, federated: true, idpEmailVerified: null), trusted);
        await Assert.ThrowsAsync<TriggerRejectedException>(() => Issue(User("li@partner.test", "false", tenant: null, federated: true, idpEmailVerified: null), trusted));
        await Issue(User("li@partner.test", "false", tenant: null, federated: true, idpEmailVerified: null), exempt);
        // Exemption is by provider: a pool user is never exempt.
        await Assert.ThrowsAsync<TriggerRejectedException>(() => Issue(User("li@partner.test", "true", tenant: null), exempt));
    }

    [Fact]
    public async Task An_administrator_assigned_tenant_exempts_a_local_user_from_the_domain_but_not_from_verification()
    {
        var result = await Issue(User("contractor@partner.test", "true", tenant: "acme-01"));

        Assert.Equal("acme-01", result.Response.ClaimsAndScopeOverrideDetails!.IdTokenGeneration!.ClaimsToAddOrOverride!["tenant_id"]!.GetValue<string>());
        await Assert.ThrowsAsync<TriggerRejectedException>(() => Issue(User("contractor@partner.test", "false", tenant: "acme-01")));
    }

    [Fact]
    public async Task Without_an_allow_list_the_email_is_not_checked()
    {
        var result = await Issue(User("anyone@anywhere.test", "false", tenant: null), Settings);

        Assert.NotNull(result.Response.ClaimsAndScopeOverrideDetails);
    }

    // A federated user's tenant comes only from the provider (custom:idp_tenant); anyone else's
    // only from custom:tenant_id. Neither can be set by the user in a way that counts: a local user
    // may write custom:idp_tenant (clients offering a provider must be able to write mapped
    // attributes), and it is ignored for them.
    [Fact]
    public async Task The_tenant_claim_follows_the_rule_for_federated_and_local_users()
    {
        var federated = await Issue(User("li@example.com", "true", tenant: "forged", federated: true, idpTenant: "globex"));
        var local = await Issue(User("maria@example.com", "true", tenant: "acme-01", idpTenant: "self-written"));

        Assert.Equal("globex", TenantClaim(federated));
        Assert.Equal("acme-01", TenantClaim(local));
    }

    // Point 1 of the tenant-isolation review: a provider names the tenants it may assert; anything
    // else, malformed values included, gets no tokens at all, on every kind of token issue.
    [Theory]
    [InlineData("TokenGeneration_HostedAuth", "initech")]
    [InlineData("TokenGeneration_RefreshTokens", "initech")]
    [InlineData("TokenGeneration_Authentication", "ACME 01")]
    [InlineData("TokenGeneration_RefreshTokens", "acme-01,globex")]
    [InlineData("TokenGeneration_HostedAuth", "Acme-01")]
    public async Task A_tenant_outside_the_providers_list_gets_no_tokens_on_any_issue(string source, string asserted)
    {
        var e = User("li@example.com", "true", tenant: null, federated: true, idpTenant: asserted);
        e.TriggerSource = source;

        var error = await Assert.ThrowsAsync<TriggerRejectedException>(() => Issue(e));

        Assert.Equal(UserTenant.ForeignTenantMessage, error.Message);
        Assert.Equal(TriggerMetricNames.ForeignProviderTenant, error.Metric);
    }

    [Fact]
    public async Task V1_refuses_a_tenant_outside_the_providers_list_too()
    {
        var e = Fixtures.Load("pre-token-generation-v1.json", Fixtures.Json.PreTokenGenerationEvent);
        e.UserName = "acmeoidc_1048";
        e.Request.UserAttributes["cognito:user_status"] = "EXTERNAL_PROVIDER";
        e.Request.UserAttributes["custom:idp_tenant"] = "initech";

        await Assert.ThrowsAsync<TriggerRejectedException>(() => new PreTokenGenerationTrigger(WithAllowList, new InMemoryDirectory(), TimeProvider.System, TextWriter.Null).HandleV1Async(e, new TestContext(), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task A_fixed_tenant_provider_gives_its_tenant_whatever_the_user_or_the_provider_sends()
    {
        var settings = Fixtures.Settings((TriggerEnvironment.ProviderFixedTenants, "AcmeOidc=acme-01"));

        var result = await Issue(User("li@example.com", "true", tenant: "forged", federated: true, idpTenant: "globex"), settings);

        Assert.Equal("acme-01", TenantClaim(result));
    }

    [Fact]
    public async Task A_provider_without_a_tenant_setting_gives_no_tenant_claim_whatever_the_attribute_holds()
    {
        var settings = Fixtures.Settings((TriggerEnvironment.AllowedEmailDomains, "example.com"));

        var result = await Issue(User("li@example.com", "true", tenant: null, federated: true, idpTenant: "globex"), settings);

        Assert.Null(TenantClaim(result));
    }

    // An administrator may link a pool user to a provider (AdminLinkProviderForUser): the user gets
    // `identities` but keeps their status, so they stay a pool user, with the administrator's tenant,
    // and cannot read their tenant from custom:idp_tenant (which clients offering a provider may write).
    [Fact]
    public async Task A_pool_user_linked_to_a_provider_keeps_the_administrators_tenant()
    {
        var e = User("maria@example.com", "true", tenant: "acme-01", idpTenant: "globex");
        e.Request.UserAttributes["identities"] = """[{"userId":"1048","providerName":"AcmeOidc","providerType":"OIDC","primary":"false"}]""";

        var result = await Issue(e);

        Assert.Equal("acme-01", TenantClaim(result));
    }

    [Fact]
    public async Task The_profile_follows_the_tenant_when_the_provider_moves_the_user_and_the_tokens_say_the_new_one()
    {
        var directory = new InMemoryDirectory();
        await Issue(User("li@example.com", "true", tenant: null, federated: true, idpTenant: "acme-01"), directory: directory);
        var moved = User("li@example.com", "true", tenant: null, federated: true, idpTenant: "globex");
        moved.TriggerSource = "TokenGeneration_RefreshTokens";

        var result = await Issue(moved, directory: directory);

        Assert.Equal("globex", TenantClaim(result));
        Assert.Equal("globex", Assert.Single(directory.Profiles.Values).TenantId);
        Assert.Equal(2, directory.Writes); // created once, moved once; an unchanged tenant writes nothing
        await Issue(moved, directory: directory);
        Assert.Equal(2, directory.Writes);
    }

    [Fact]
    public async Task A_user_whose_tenant_was_removed_is_listed_under_none()
    {
        var directory = new InMemoryDirectory();
        await Issue(User("li@example.com", "true", tenant: null, federated: true, idpTenant: "acme-01"), directory: directory);

        await Issue(User("li@example.com", "true", tenant: null, federated: true), directory: directory);

        Assert.Null(Assert.Single(directory.Profiles.Values).TenantId);
    }

    [Fact]
    public async Task A_suspended_tenant_is_checked_on_the_tenant_the_rule_gives()
    {
        var directory = new InMemoryDirectory();
        directory.SuspendedTenants.Add("globex");

        await Assert.ThrowsAsync<TriggerRejectedException>(() => Issue(User("li@example.com", "true", tenant: "acme-01", federated: true, idpTenant: "globex"), directory: directory));
        await Issue(User("maria@example.com", "true", tenant: "acme-01", idpTenant: "globex"), directory: directory);
    }

    /// <summary>Phone numbers are for MFA and recovery, not for apps: removed from every token, with no setting that could turn it off.</summary>
    [Fact]
    public void Phone_claims_are_always_suppressed() =>
        Assert.Equal(["phone_number", "phone_number_verified"], Fixtures.Settings().SuppressedClaims, StringComparer.Ordinal);
}
