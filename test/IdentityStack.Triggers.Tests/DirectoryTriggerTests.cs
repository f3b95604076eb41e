namespace IdentityStack.Triggers.Tests;

public sealed class DirectoryTriggerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Post_confirmation_writes_the_profile_once_even_when_cognito_retries()
    {
        var directory = new InMemoryDirectory();
        var trigger = new PostConfirmationTrigger(Fixtures.Settings(), directory, new FixedClock(Now), TextWriter.Null);
        var e = Fixtures.Load("post-confirmation.json", Fixtures.Json.PostConfirmationEvent);

        await trigger.HandleAsync(e, new TestContext(), CancellationToken.None);
        var retried = await trigger.HandleAsync(Fixtures.Load("post-confirmation.json", Fixtures.Json.PostConfirmationEvent), new TestContext(), CancellationToken.None);

        Assert.Equal(2, directory.Writes);
        var profile = Assert.Single(directory.Profiles.Values);
        Assert.Equal(new UserProfile("8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", "eu-west-1_AbCdEf123", "maria", "maria@example.com", "acme-01", Now), profile);
        Assert.Equal(CognitoTriggerSources.PostConfirmationConfirmSignUp, retried.TriggerSource);
    }

    [Fact]
    public async Task Post_confirmation_of_a_password_reset_writes_nothing()
    {
        var directory = new InMemoryDirectory();
        var e = Fixtures.Load("post-confirmation.json", Fixtures.Json.PostConfirmationEvent);
        e.TriggerSource = CognitoTriggerSources.PostConfirmationConfirmForgotPassword;

        await new PostConfirmationTrigger(Fixtures.Settings(), directory, TimeProvider.System, TextWriter.Null).HandleAsync(e, new TestContext(), CancellationToken.None);

        Assert.Equal(0, directory.Writes);
    }

    [Fact]
    public async Task Post_confirmation_without_a_sub_is_a_malformed_event()
    {
        var e = Fixtures.Load("post-confirmation.json", Fixtures.Json.PostConfirmationEvent);
        e.Request.UserAttributes.Remove("sub");

        await Assert.ThrowsAsync<IdentityStack.Lambda.Runtime.LambdaEventFormatException>(() =>
            new PostConfirmationTrigger(Fixtures.Settings(), new InMemoryDirectory(), TimeProvider.System, TextWriter.Null).HandleAsync(e, new TestContext(), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Pre_authentication_lets_an_active_user_of_an_active_tenant_in()
    {
        var e = Fixtures.Load("pre-authentication.json", Fixtures.Json.PreAuthenticationEvent);

        var result = await new PreAuthenticationTrigger(Fixtures.Settings(), new InMemoryDirectory()).HandleAsync(e, new TestContext(), CancellationToken.None);

        Assert.Same(e, result);
    }

    [Fact]
    public async Task Pre_authentication_refuses_a_disabled_user()
    {
        var directory = new InMemoryDirectory();
        directory.DisabledUsers.Add("8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b");

        var error = await Assert.ThrowsAsync<TriggerRejectedException>(() => new PreAuthenticationTrigger(Fixtures.Settings(), directory)
            .HandleAsync(Fixtures.Load("pre-authentication.json", Fixtures.Json.PreAuthenticationEvent), new TestContext(), CancellationToken.None).AsTask());

        Assert.Equal("This account is disabled. Contact your administrator.", error.Message);
    }

    [Fact]
    public async Task Pre_authentication_refuses_a_user_of_a_suspended_tenant()
    {
        var directory = new InMemoryDirectory();
        directory.SuspendedTenants.Add("acme-01");

        var error = await Assert.ThrowsAsync<TriggerRejectedException>(() => new PreAuthenticationTrigger(Fixtures.Settings(), directory)
            .HandleAsync(Fixtures.Load("pre-authentication.json", Fixtures.Json.PreAuthenticationEvent), new TestContext(), CancellationToken.None).AsTask());

        Assert.Equal("Your organisation's access is suspended. Contact your administrator.", error.Message);
    }

    [Fact]
    public async Task Pre_authentication_says_nothing_about_users_that_do_not_exist()
    {
        var directory = new InMemoryDirectory();
        directory.SuspendedTenants.Add("acme-01");
        var e = Fixtures.Load("pre-authentication.json", Fixtures.Json.PreAuthenticationEvent);
        e.Request.UserNotFound = true;

        var result = await new PreAuthenticationTrigger(Fixtures.Settings(), directory).HandleAsync(e, new TestContext(), CancellationToken.None);

        Assert.Same(e, result);
    }

    [Fact]
    public async Task Pre_authentication_of_a_user_without_tenant_checks_only_the_disabled_flag()
    {
        var directory = new InMemoryDirectory();
        directory.SuspendedTenants.Add("acme-01");
        var e = Fixtures.Load("pre-authentication.json", Fixtures.Json.PreAuthenticationEvent);
        e.Request.UserAttributes.Remove("custom:tenant_id");

        Assert.Same(e, await new PreAuthenticationTrigger(Fixtures.Settings(), directory).HandleAsync(e, new TestContext(), CancellationToken.None));
    }

    [Fact]
    public async Task Post_confirmation_fails_open_when_the_directory_fails_and_logs_a_warning()
    {
        var e = Fixtures.Load("post-confirmation.json", Fixtures.Json.PostConfirmationEvent);
        var log = new StringWriter();

        var result = await new PostConfirmationTrigger(Fixtures.Settings(), new UnavailableDirectory(), TimeProvider.System, log).HandleAsync(e, new TestContext(), CancellationToken.None);

        Assert.Same(e, result);
        var line = System.Text.Json.Nodes.JsonNode.Parse(log.ToString().Trim())!;
        Assert.Equal("WARN", line["level"]!.GetValue<string>());
        Assert.Equal("PostConfirmation", line["trigger"]!.GetValue<string>());
        Assert.Equal("the directory is down", line["errorMessage"]!.GetValue<string>());
    }

    private sealed class UnavailableDirectory : IIdentityDirectory
    {
        public Task<bool> CreateProfileIfAbsentAsync(UserProfile profile, CancellationToken cancellationToken) => throw new HttpRequestException("the directory is down");

        public Task<bool> IsTenantSuspendedAsync(string tenantId, CancellationToken cancellationToken) => throw new HttpRequestException("the directory is down");

        public Task<StoredProfile> GetProfileAsync(string userSub, CancellationToken cancellationToken) => throw new HttpRequestException("the directory is down");

        public Task MoveProfileToTenantAsync(string userSub, string? tenantId, CancellationToken cancellationToken) => throw new HttpRequestException("the directory is down");

        public Task<MachineClient?> GetMachineClientAsync(string clientId, CancellationToken cancellationToken) => throw new HttpRequestException("the directory is down");
    }

    [Fact]
    public async Task Post_confirmation_says_which_attribute_is_missing()
    {
        var e = Fixtures.Load("post-confirmation.json", Fixtures.Json.PostConfirmationEvent);
        e.Request.UserAttributes.Remove("sub");

        var error = await Assert.ThrowsAsync<IdentityStack.Lambda.Runtime.LambdaEventFormatException>(() => new PostConfirmationTrigger(Fixtures.Settings(), new InMemoryDirectory(), TimeProvider.System, TextWriter.Null).HandleAsync(e, new TestContext(), CancellationToken.None).AsTask());

        Assert.Equal("The post confirmation event has no 'sub' user attribute.", error.Message);
    }

    [Fact]
    public async Task Post_confirmation_lists_a_federated_profile_under_its_providers_tenant()
    {
        var directory = new InMemoryDirectory();
        var e = Fixtures.Load("post-confirmation.json", Fixtures.Json.PostConfirmationEvent);
        e.UserName = "acmesaml_jane";
        e.Request.UserAttributes["cognito:user_status"] = "EXTERNAL_PROVIDER";
        e.Request.UserAttributes["custom:tenant_id"] = "forged";

        await new PostConfirmationTrigger(Fixtures.Settings((TriggerEnvironment.ProviderFixedTenants, "AcmeSaml=acme-01")), directory, TimeProvider.System, TextWriter.Null).HandleAsync(e, new TestContext(), CancellationToken.None);

        Assert.Equal("acme-01", Assert.Single(directory.Profiles.Values).TenantId);
    }

    // Only what the user has is read: no profile read without a sub, no tenant read without a tenant.
    [Theory]
    [InlineData(true, true, new[] { "TENANT#acme-01", "USER#8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b" })]
    [InlineData(false, true, new[] { "TENANT#acme-01" })]
    [InlineData(true, false, new[] { "USER#8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b" })]
    [InlineData(false, false, new string[0])]
    public async Task Access_is_checked_on_exactly_what_the_user_has(bool hasSub, bool hasTenant, string[] reads)
    {
        var directory = new InMemoryDirectory();
        var e = Fixtures.Load("pre-authentication.json", Fixtures.Json.PreAuthenticationEvent);
        e.Request.UserAttributes["sub"] = "8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
        e.Request.UserAttributes["custom:tenant_id"] = "acme-01";
        if (!hasSub)
        {
            e.Request.UserAttributes.Remove("sub");
        }

        if (!hasTenant)
        {
            e.Request.UserAttributes.Remove("custom:tenant_id");
        }

        await new PreAuthenticationTrigger(Fixtures.Settings(), directory).HandleAsync(e, new TestContext(), CancellationToken.None);

        Assert.Equal(reads.Order(StringComparer.Ordinal), directory.Reads.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(80, false)]
    [InlineData(81, true)]
    public void A_foreign_tenant_is_logged_shortened_after_80_characters(int length, bool shortened)
    {
        var note = UserTenant.ForeignTenantNote("AcmeOidc", new string('t', length));

        Assert.Equal(shortened, note.Contains(new string('t', 80) + "...", StringComparison.Ordinal));
        Assert.StartsWith("identity provider 'AcmeOidc' asserted tenant 'tttt", note, StringComparison.Ordinal);
        Assert.EndsWith("', which is not one of the tenants it may assert: no tokens", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acmeoidc_1048", "acmeoidc")]
    [InlineData("google_104857600000000000001", "google")]
    [InlineData("nounderscore", "")]
    [InlineData("_1048", "")]
    [InlineData(null, "")]
    public void The_provider_is_the_username_before_its_first_underscore(string? userName, string provider) =>
        Assert.Equal(provider, UserOrigin.ProviderOfUserName(userName));

    [Fact]
    public void The_response_url_policy_reads_its_test_origin_from_the_environment()
    {
        var policy = IdentityStack.Triggers.CustomResources.CloudFormationResponseUrls.FromEnvironment(name => string.Equals(name, TriggerEnvironment.TestCloudFormationResponseOrigin, StringComparison.Ordinal) ? "http://127.0.0.1:4100" : null);

        Assert.True(policy.IsAllowed(new Uri("http://127.0.0.1:4100/cfn")));
        Assert.False(IdentityStack.Triggers.CustomResources.CloudFormationResponseUrls.FromEnvironment(_ => null).IsAllowed(new Uri("http://127.0.0.1:4100/cfn")));
    }
}
