namespace IdentityStack.Triggers.Tests;

public sealed class PreSignUpTriggerTests
{
    private static readonly TriggerSettings AllowExampleCom = Fixtures.Settings((TriggerEnvironment.AllowedEmailDomains, "example.com"));

    private static PreSignUpEvent SignUp(string email, string? tenant = "acme-01", string source = CognitoTriggerSources.PreSignUpSignUp)
    {
        var e = Fixtures.Load("pre-signup-sign-up.json", Fixtures.Json.PreSignUpEvent);
        e.TriggerSource = source;
        e.Request.UserAttributes["email"] = email;
        if (tenant is null)
        {
            e.Request.UserAttributes.Remove("custom:tenant_id");
        }
        else
        {
            e.Request.UserAttributes["custom:tenant_id"] = tenant;
        }

        return e;
    }

    private static Task<PreSignUpEvent> Run(PreSignUpEvent e, TriggerSettings? settings = null) =>
        new PreSignUpTrigger(settings ?? AllowExampleCom).HandleAsync(e, new TestContext(), CancellationToken.None).AsTask();

    [Theory]
    [InlineData("maria@example.com")]
    [InlineData("Maria@EXAMPLE.com")]
    [InlineData("ops@eu.example.com")]
    public async Task An_allowed_domain_or_its_subdomain_signs_up_unconfirmed(string email)
    {
        var result = await Run(SignUp(email));

        Assert.False(result.Response.AutoConfirmUser);
        Assert.False(result.Response.AutoVerifyEmail);
        Assert.Equal("passed", result.Request.ValidationData!["captcha"]);
    }

    [Theory]
    [InlineData("mallory@evil.test")]
    [InlineData("mallory@notexample.com")]
    [InlineData("mallory@example.com.evil.test")]
    public async Task Another_domain_is_refused_with_a_message_for_the_user(string email)
    {
        var error = await Assert.ThrowsAsync<TriggerRejectedException>(() => Run(SignUp(email)));

        Assert.Equal("Sign-up with this email domain is not allowed. Use your organisation's email address.", error.Message);
    }

    [Fact]
    public async Task Without_an_email_sign_up_is_refused_when_domains_are_restricted()
    {
        var e = SignUp("x@example.com");
        e.Request.UserAttributes.Remove("email");

        var error = await Assert.ThrowsAsync<TriggerRejectedException>(() => Run(e));

        Assert.Equal("An email address is required to sign up.", error.Message);
    }

    [Fact]
    public async Task With_no_allow_list_any_domain_signs_up() =>
        Assert.False((await Run(SignUp("anyone@anywhere.test"), Fixtures.Settings())).Response.AutoConfirmUser);

    [Fact]
    public async Task Administrators_may_create_users_of_any_domain() =>
        Assert.False((await Run(SignUp("contractor@partner.test", source: CognitoTriggerSources.PreSignUpAdminCreateUser))).Response.AutoConfirmUser);

    [Theory]
    [InlineData("ACME")]
    [InlineData("-acme")]
    [InlineData("acme_01")]
    [InlineData("")]
    [InlineData("a-very-long-tenant-identifier-that-goes-past-the-sixty-four-characters-limit")]
    public async Task A_malformed_tenant_id_is_refused(string tenant)
    {
        var error = await Assert.ThrowsAsync<TriggerRejectedException>(() => Run(SignUp("maria@example.com", tenant)));

        Assert.StartsWith("The organisation id is not valid.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_tenant_id_is_fine() =>
        await Run(SignUp("maria@example.com", tenant: null));

    private static PreSignUpEvent Federated(string? idpEmailVerified = null, string? idpTenant = null)
    {
        var e = Fixtures.Load("pre-signup-external-provider.json", Fixtures.Json.PreSignUpEvent);
        if (idpEmailVerified is not null)
        {
            e.Request.UserAttributes[FederatedAttributeNames.IdpEmailVerifiedClaim] = idpEmailVerified;
        }

        if (idpTenant is not null)
        {
            e.Request.UserAttributes[FederatedAttributeNames.IdpTenantClaim] = idpTenant;
        }

        return e;
    }

    private static readonly TriggerSettings AllowExampleOrg = Fixtures.Settings((TriggerEnvironment.AllowedEmailDomains, "example.org"));

    [Fact]
    public async Task A_federated_user_whose_provider_verified_the_email_is_confirmed_with_the_email_verified()
    {
        var result = await Run(Federated(idpEmailVerified: "true"), AllowExampleOrg);

        Assert.True(result.Response.AutoConfirmUser);
        Assert.True(result.Response.AutoVerifyEmail);
        Assert.False(result.Response.AutoVerifyPhone);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    [InlineData("yes")]
    public async Task A_federated_email_the_provider_did_not_verify_stays_unverified(string? idpEmailVerified)
    {
        var result = await Run(Federated(idpEmailVerified), AllowExampleOrg);

        Assert.True(result.Response.AutoConfirmUser);
        Assert.False(result.Response.AutoVerifyEmail);
    }

    [Theory]
    [InlineData("Google", true)]
    [InlineData("google", true)]
    [InlineData("Facebook", false)]
    public async Task A_provider_trusted_for_email_verifies_without_the_claim(string trusted, bool verified)
    {
        var settings = Fixtures.Settings((TriggerEnvironment.AllowedEmailDomains, "example.org"), (TriggerEnvironment.TrustedEmailProviders, trusted));

        var result = await Run(Federated(), settings);

        Assert.Equal(verified, result.Response.AutoVerifyEmail);
    }

    private static readonly TriggerSettings GoogleAssertsAcme = Fixtures.Settings(
        (TriggerEnvironment.AllowedEmailDomains, "example.org"),
        (TriggerEnvironment.ProviderTenants, "Google=acme-01,acme-02"));

    // The fixture's user is "google_...": Cognito lower-cases the provider part, the settings name it "Google".
    [Fact]
    public async Task A_federated_tenant_must_be_one_its_provider_may_assert_from_the_first_sign_in()
    {
        await Run(Federated(idpTenant: "acme-02"), GoogleAssertsAcme);
        await Run(Federated(), GoogleAssertsAcme); // asserting none is no tenant, not a refusal

        var foreign = await Assert.ThrowsAsync<TriggerRejectedException>(() => Run(Federated(idpTenant: "globex"), GoogleAssertsAcme));
        var malformed = await Assert.ThrowsAsync<TriggerRejectedException>(() => Run(Federated(idpTenant: "ACME 01"), GoogleAssertsAcme));

        Assert.Equal(UserTenant.ForeignTenantMessage, foreign.Message);
        Assert.Equal(UserTenant.ForeignTenantMessage, malformed.Message);
        Assert.Equal(TriggerMetricNames.ForeignProviderTenant, foreign.Metric);
        Assert.Contains("'globex'", foreign.LogNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_without_a_tenant_setting_gives_no_tenant_whatever_it_sends()
    {
        // No list, no fixed tenant: the attribute is not read at all, so not refused either.
        var result = await Run(Federated(idpTenant: "globex"), AllowExampleOrg);

        Assert.True(result.Response.AutoConfirmUser);
    }

    [Fact]
    public async Task A_provider_exempt_from_the_allow_list_signs_up_users_of_any_domain()
    {
        var exempt = Fixtures.Settings((TriggerEnvironment.AllowedEmailDomains, "example.com"), (TriggerEnvironment.AllowListExemptProviders, "Google"));

        var result = await Run(Fixtures.Load("pre-signup-external-provider.json", Fixtures.Json.PreSignUpEvent), exempt);

        Assert.True(result.Response.AutoConfirmUser);
        await Assert.ThrowsAsync<TriggerRejectedException>(() => Run(SignUp("someone@example.org"), exempt)); // pool users are not exempt
    }

    [Fact]
    public async Task A_federated_user_of_another_domain_is_refused() =>
        await Assert.ThrowsAsync<TriggerRejectedException>(() =>
            Run(Fixtures.Load("pre-signup-external-provider.json", Fixtures.Json.PreSignUpEvent)));

    [Fact]
    public async Task Without_an_allow_list_a_sign_up_needs_no_email()
    {
        var e = SignUp("ignored@example.com");
        e.Request.UserAttributes.Remove("email");

        var result = await Run(e, Fixtures.Settings());

        Assert.False(result.Response.AutoConfirmUser);
    }

    [Fact]
    public async Task With_an_allow_list_a_sign_up_without_email_is_refused_with_the_reason()
    {
        var e = SignUp("ignored@example.com");
        e.Request.UserAttributes["email"] = " ";

        var error = await Assert.ThrowsAsync<TriggerRejectedException>(() => Run(e));

        Assert.Equal("An email address is required to sign up.", error.Message);
    }
}
