using System.Text.Json;

namespace IdentityStack.Constructs.Tests;

/// <summary>What a team gets from the construct on its own, without this repository's app or config.</summary>
public sealed class SecureUserPoolTests
{
    private const string UserPoolType = "AWS::Cognito::UserPool";

    private static (SecureUserPool Pool, Template Template) Synthesize(SecureUserPoolProps props)
    {
        var stack = new Stack(new App(), "Consumer");
        var pool = new SecureUserPool(stack, "Pool", props);
        return (pool, Template.FromStack(stack));
    }

    private static Dictionary<string, object> Props(params (string Key, object Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    [Fact]
    public void Only_a_name_gives_the_strictest_pool()
    {
        var (pool, template) = Synthesize(new SecureUserPoolProps { UserPoolName = "identity" });

        Assert.Equal(CognitoTier.Plus, pool.Tier);
        Assert.Null(pool.SmsRole);
        template.HasResource(UserPoolType, Props(
            ("DeletionPolicy", "Retain"),
            ("Properties", Match.ObjectLike(Props(
                ("MfaConfiguration", "ON"),
                ("EnabledMfas", new[] { "SOFTWARE_TOKEN_MFA" }),
                ("DeletionProtection", "ACTIVE"),
                ("UserPoolTier", "PLUS"),
                ("UserPoolAddOns", Props(("AdvancedSecurityMode", "ENFORCED"))),
                ("AdminCreateUserConfig", Props(("AllowAdminCreateUserOnly", true))),
                ("AutoVerifiedAttributes", new[] { "email" }))))));
        template.ResourceCountIs("AWS::Cognito::UserPoolRiskConfigurationAttachment", 1);
    }

    [Fact]
    public void Threat_protection_off_moves_to_essentials_and_drops_the_risk_configuration()
    {
        var (pool, template) = Synthesize(new SecureUserPoolProps { UserPoolName = "identity", ThreatProtection = ThreatProtectionMode.Off });

        Assert.Equal(CognitoTier.Essentials, pool.Tier);
        template.HasResourceProperties(UserPoolType, Props(("UserPoolTier", "ESSENTIALS"), ("UserPoolAddOns", Props(("AdvancedSecurityMode", "OFF")))));
        template.ResourceCountIs("AWS::Cognito::UserPoolRiskConfigurationAttachment", 0);
    }

    [Fact]
    public void Mfa_off_enables_no_second_factor() =>
        Synthesize(new SecureUserPoolProps { UserPoolName = "identity", Mfa = MfaEnforcement.Off }).Template
            .HasResourceProperties(UserPoolType, Props(("MfaConfiguration", "OFF"), ("EnabledMfas", Match.Absent())));

    [Fact]
    public void Sms_adds_sms_mfa_recovery_by_phone_and_a_role_with_an_external_id_but_verifies_only_email_at_sign_up()
    {
        var (pool, template) = Synthesize(new SecureUserPoolProps { UserPoolName = "identity", SmsEnabled = true });

        Assert.NotNull(pool.SmsRole);
        template.HasResourceProperties(UserPoolType, Props(
            // Email only, even with SMS: Cognito sends the sign-up code to the phone alone when both are auto-verified
            // (developer guide, "Verifying contact information at sign-up"), which would let a phone confirm a claimed email.
            ("AutoVerifiedAttributes", new[] { "email" }),
            ("EnabledMfas", new[] { "SMS_MFA", "SOFTWARE_TOKEN_MFA" }),
            ("SmsConfiguration", Props(("ExternalId", Match.StringLikeRegexp("-sms$")), ("SnsCallerArn", Match.AnyValue())))));
        var recovery = JsonSerializer.SerializeToElement(template.FindResources(UserPoolType)).EnumerateObject().Single().Value
            .GetProperty("Properties").GetProperty("AccountRecoverySetting").GetProperty("RecoveryMechanisms");
        Assert.Equal(["verified_email", "verified_phone_number"], recovery.EnumerateArray().OrderBy(m => m.GetProperty("Priority").GetInt32()).Select(m => m.GetProperty("Name").GetString()), StringComparer.Ordinal);
    }

    [Fact]
    public void Ses_settings_become_the_developer_email_configuration() =>
        Synthesize(new SecureUserPoolProps
        {
            UserPoolName = "identity",
            Email = new SesEmailSettings("arn:aws:ses:eu-west-1:123456789012:identity/example.com", "no-reply@example.com", "Example"),
        }).Template.HasResourceProperties(UserPoolType, Props(("EmailConfiguration", Props(
            ("EmailSendingAccount", "DEVELOPER"),
            ("SourceArn", "arn:aws:ses:eu-west-1:123456789012:identity/example.com"),
            ("From", "Example <no-reply@example.com>")))));

    [Fact]
    public void Password_policy_settings_reach_the_template_including_history() =>
        Synthesize(new SecureUserPoolProps
        {
            UserPoolName = "identity",
            PasswordPolicy = new PasswordPolicySettings { MinLength = 16, PasswordHistorySize = 24, TemporaryPasswordValidityDays = 1 },
        }).Template.HasResourceProperties(UserPoolType, Props(("Policies", Props(("PasswordPolicy", Props(
            ("MinimumLength", 16),
            ("PasswordHistorySize", 24),
            ("TemporaryPasswordValidityDays", 1),
            ("RequireSymbols", true)))))));

    [Fact]
    public void Groups_are_created_on_the_pool_with_precedence()
    {
        var (pool, template) = Synthesize(new SecureUserPoolProps
        {
            UserPoolName = "identity",
            Groups = [new UserPoolGroupDefinition("admins", "Admins", 0), new UserPoolGroupDefinition("readers", "Readers", 5)],
        });

        Assert.Equal(["admins", "readers"], pool.Groups.Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        template.HasResourceProperties("AWS::Cognito::UserPoolGroup", Props(("GroupName", "readers"), ("Precedence", 5), ("Description", "Readers")));
    }

    [Theory]
    [InlineData(5, 3, 0, "SecureUserPoolProps.PasswordPolicy.MinLength = 5: use a value from 6 to 99.")]
    [InlineData(12, 0, 0, "SecureUserPoolProps.PasswordPolicy.TemporaryPasswordValidityDays = 0: use a value from 1 to 365.")]
    [InlineData(12, 3, 25, "SecureUserPoolProps.PasswordPolicy.PasswordHistorySize = 25: use a value from 0 to 24.")]
    public void Out_of_range_password_settings_are_refused_naming_the_property(int minLength, int tempDays, int history, string message)
    {
        var props = new SecureUserPoolProps
        {
            UserPoolName = "identity",
            PasswordPolicy = new PasswordPolicySettings { MinLength = minLength, TemporaryPasswordValidityDays = tempDays, PasswordHistorySize = history },
        };

        var error = Assert.Throws<ArgumentException>(() => new SecureUserPool(new Stack(new App(), "S"), "Pool", props));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_group_names_and_an_empty_name_are_refused()
    {
        var props = new SecureUserPoolProps
        {
            UserPoolName = " ",
            Groups = [new UserPoolGroupDefinition("admins", "a", 0), new UserPoolGroupDefinition("admins", "b", 1)],
        };

        var error = Assert.Throws<ArgumentException>(() => new SecureUserPool(new Stack(new App(), "S"), "Pool", props));

        Assert.Contains("SecureUserPoolProps.UserPoolName = \" \": give the pool a name", error.Message, StringComparison.Ordinal);
        Assert.Contains("SecureUserPoolProps.Groups[1].Name = \"admins\": group names must be unique", error.Message, StringComparison.Ordinal);
    }

    private static readonly SesEmailSettings Ses = new("arn:aws:ses:eu-west-1:123456789012:identity/example.com", "no-reply@example.com");

    [Fact]
    public void Email_as_a_second_factor_enables_it_with_the_catalogues_text_and_keeps_the_others()
    {
        var (_, template) = Synthesize(new SecureUserPoolProps { UserPoolName = "identity", Email = Ses, MfaFactors = [MfaFactor.Totp, MfaFactor.Email] });

        var properties = JsonSerializer.SerializeToElement(template.FindResources(UserPoolType)).EnumerateObject().Single().Value.GetProperty("Properties");
        Assert.Equal(["EMAIL_OTP", "SOFTWARE_TOKEN_MFA"], properties.GetProperty("EnabledMfas").EnumerateArray().Select(m => m.GetString()));
        // The catalogue's English "Authentication" message, with Cognito's code placeholder.
        Assert.Equal("Your sign-in code", properties.GetProperty("EmailAuthenticationSubject").GetString());
        Assert.Equal("Your sign-in code is {####}. Never share it.", properties.GetProperty("EmailAuthenticationMessage").GetString());
    }

    [Fact]
    public void Without_mfa_factors_the_pool_keeps_totp_and_sms_as_before()
    {
        var (_, template) = Synthesize(new SecureUserPoolProps { UserPoolName = "identity", SmsEnabled = true });

        var properties = JsonSerializer.SerializeToElement(template.FindResources(UserPoolType)).EnumerateObject().Single().Value.GetProperty("Properties");
        Assert.Equal(["SMS_MFA", "SOFTWARE_TOKEN_MFA"], properties.GetProperty("EnabledMfas").EnumerateArray().Select(m => m.GetString()));
        Assert.False(properties.TryGetProperty("EmailAuthenticationMessage", out _));
    }

    [Theory]
    [InlineData(new[] { MfaFactor.Email }, false, false, MfaEnforcement.Required, "email codes need the pool to send through SES")]
    [InlineData(new[] { MfaFactor.Sms }, true, false, MfaEnforcement.Required, "SMS codes need SMS sending")]
    [InlineData(new[] { MfaFactor.Totp, MfaFactor.Totp }, true, true, MfaEnforcement.Required, "list each second factor once")]
    [InlineData(new MfaFactor[0], true, true, MfaEnforcement.Optional, "at least one of TOTP, SMS, EMAIL")]
    [InlineData(new[] { MfaFactor.Totp }, true, true, MfaEnforcement.Off, "apply only with MFA OPTIONAL or REQUIRED")]
    public void Second_factors_the_pool_cannot_send_are_refused(MfaFactor[] factors, bool ses, bool sms, MfaEnforcement mfa, string fix)
    {
        var props = new SecureUserPoolProps { UserPoolName = "identity", Email = ses ? Ses : null, SmsEnabled = sms, Mfa = mfa, MfaFactors = factors };

        var problem = Assert.Single(props.Problems());

        Assert.Equal("MfaFactors", problem.Property);
        Assert.Contains(fix, problem.Fix, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Synthesize(props));
    }
}
