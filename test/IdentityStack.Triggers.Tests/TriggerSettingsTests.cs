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
}
