namespace IdentityStack.Triggers.Tests;

public sealed class TriggerSettingsTests
{
    [Fact]
    public void Defaults_allow_any_domain_add_no_scopes_and_use_cognito_email()
    {
        var settings = Fixtures.Settings();

        Assert.Empty(settings.AllowedEmailDomains);
        Assert.Empty(settings.GroupScopes);
        Assert.False(settings.SendsEmailThroughSes);
        Assert.Null(settings.DirectoryTable);
    }

    [Theory]
    [InlineData(TriggerEnvironment.AllowedEmailDomains, "Example.com", "ALLOWED_EMAIL_DOMAINS: 'Example.com' is not a lower-case domain")]
    [InlineData(TriggerEnvironment.GroupScopes, "admins", "GROUP_SCOPES: 'admins' is not 'group=scope[,scope]'")]
    [InlineData(TriggerEnvironment.GroupScopes, "admins=bad scope", "GROUP_SCOPES: 'admins=bad scope' is not")]
    [InlineData(TriggerEnvironment.EmailSender, "SMTP", "EMAIL_SENDER: 'SMTP' is neither 'COGNITO' nor 'SES'")]
    public void Malformed_variables_are_named_with_the_fix(string variable, string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Fixtures.Settings((variable, value)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trigger_that_needs_a_table_names_the_missing_variable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TriggerSettings.Require(null, TriggerEnvironment.DirectoryTable));

        Assert.StartsWith("DIRECTORY_TABLE is not set", error.Message, StringComparison.Ordinal);
    }

    // Each refusal word for word: an operator reads it in an init error and fixes the variable it names.
    [Theory]
    [InlineData(TriggerEnvironment.ProviderTenants, "AcmeOidc=acme 01", "Invalid trigger configuration: PROVIDER_TENANTS: 'AcmeOidc=acme 01' is not 'provider=tenant[,tenant]' with each tenant a letter or digit, then letters, digits, '.', '_' or '-', at most 64 characters.")]
    [InlineData(TriggerEnvironment.ProviderFixedTenants, "AcmeSaml=acme-01,acme-02", "Invalid trigger configuration: PROVIDER_FIXED_TENANTS: 'AcmeSaml=acme-01,acme-02' is not 'provider=tenant' with one tenant, a letter or digit, then letters, digits, '.', '_' or '-', at most 64 characters.")]
    [InlineData(TriggerEnvironment.ProviderFixedTenants, "AcmeSaml=-x", "Invalid trigger configuration: PROVIDER_FIXED_TENANTS: 'AcmeSaml=-x' is not 'provider=tenant' with one tenant, a letter or digit, then letters, digits, '.', '_' or '-', at most 64 characters.")]
    [InlineData(TriggerEnvironment.AllowedEmailDomains, "Example.com", "Invalid trigger configuration: ALLOWED_EMAIL_DOMAINS: 'Example.com' is not a lower-case domain; use a comma-separated list such as 'example.com,example.org'.")]
    [InlineData(TriggerEnvironment.GroupScopes, "admins", "Invalid trigger configuration: GROUP_SCOPES: 'admins' is not 'group=scope[,scope]'; use e.g. 'admins=identitystack/admin;members=identitystack/read'.")]
    [InlineData(TriggerEnvironment.EmailSender, "SMTP", "Invalid trigger configuration: EMAIL_SENDER: 'SMTP' is neither 'COGNITO' nor 'SES'.")]
    public void Each_refusal_names_the_variable_value_and_fix_word_for_word(string variable, string value, string message) =>
        Assert.Equal(message, Assert.Throws<InvalidOperationException>(() => Fixtures.Settings((variable, value))).Message);

    [Fact]
    public void A_provider_with_both_a_fixed_tenant_and_a_list_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Fixtures.Settings((TriggerEnvironment.ProviderTenants, "Acme=acme-01"), (TriggerEnvironment.ProviderFixedTenants, "acme=acme-01")));

        Assert.Equal("Invalid trigger configuration: PROVIDER_FIXED_TENANTS: provider 'acme' also has a tenant list in PROVIDER_TENANTS; a provider has either a fixed tenant or a list, not both.", error.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Fixtures.Settings((TriggerEnvironment.AllowedEmailDomains, "A.com"), (TriggerEnvironment.EmailSender, "X")));

        Assert.Contains("ALLOWED_EMAIL_DOMAINS", error.Message, StringComparison.Ordinal);
        Assert.Contains("example.org'. EMAIL_SENDER: 'X'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_settings_are_read_with_names_in_any_case()
    {
        var settings = Fixtures.Settings(
            (TriggerEnvironment.ProviderTenants, "AcmeOidc=acme-01,acme-02"),
            (TriggerEnvironment.ProviderFixedTenants, "AcmeSaml=acme-03"),
            (TriggerEnvironment.TrustedEmailProviders, "Facebook"),
            (TriggerEnvironment.AllowListExemptProviders, "AcmeSaml"),
            (TriggerEnvironment.EmailSender, " SES "),
            (TriggerEnvironment.DirectoryTable, " identity-dev-directory "),
            (TriggerEnvironment.LegacyUsersTable, "  "));

        Assert.Equal(["acme-01", "acme-02"], settings.ProviderTenants["acmeoidc"]);
        Assert.Equal("acme-03", settings.ProviderFixedTenants["ACMESAML"]);
        Assert.Contains("facebook", settings.TrustedEmailProviders);
        Assert.True(settings.IsExemptFromAllowList("acmesaml"));
        Assert.False(settings.IsExemptFromAllowList(null));
        Assert.False(settings.IsExemptFromAllowList("Facebook"));
        Assert.True(settings.SendsEmailThroughSes);
        Assert.Equal("identity-dev-directory", settings.DirectoryTable);
        Assert.Null(settings.LegacyUsersTable);
    }

    // The allow-list compares the domain after the last '@', lower-cased, to each allowed domain or a
    // subdomain of one; an address without '@' is no address (#28: "x.example.com" is not at example.com).
    [Theory]
    [InlineData("maria@example.com", true)]
    [InlineData("Maria@EXAMPLE.COM ", true)]
    [InlineData("ops@eu.example.com", true)]
    [InlineData("a@b@example.com", true)]
    [InlineData("x.example.com", false)]
    [InlineData("example.com", false)]
    [InlineData("mallory@notexample.com", false)]
    [InlineData("mallory@example.com.evil.test", false)]
    [InlineData("", false)]
    [InlineData(" ", false)]
    [InlineData(null, false)]
    public void The_allow_list_takes_an_allowed_domain_or_its_subdomain_only(string? email, bool allowed) =>
        Assert.Equal(allowed, Fixtures.Settings((TriggerEnvironment.AllowedEmailDomains, "example.com")).IsAllowedEmail(email));

    [Theory]
    [InlineData("maria@example.com")]
    [InlineData("li@example.org")]
    public void Any_one_domain_of_the_list_allows(string email) =>
        Assert.True(Fixtures.Settings((TriggerEnvironment.AllowedEmailDomains, "example.com,example.org")).IsAllowedEmail(email));

    [Fact]
    public void Without_an_allow_list_any_address_is_allowed() =>
        Assert.True(Fixtures.Settings().IsAllowedEmail(null));

    [Fact]
    public void A_missing_table_is_named_with_the_fix_word_for_word() =>
        Assert.Equal(
            "LEGACY_USERS_TABLE is not set: the CDK wiring passes the table name to this trigger; set it to the DynamoDB table name.",
            Assert.Throws<InvalidOperationException>(() => TriggerSettings.Require(null, TriggerEnvironment.LegacyUsersTable)).Message);
}
