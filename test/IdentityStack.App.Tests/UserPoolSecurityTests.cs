namespace IdentityStack.App.Tests;

/// <summary>The security properties of each stage's pool, as synthesized from the real cdk.json.</summary>
[Collection(SynthesizedStagesDefinition.Name)]
public sealed class UserPoolSecurityTests(SynthesizedStages stages)
{
    private const string UserPool = "AWS::Cognito::UserPool";

    public static TheoryData<string> AllStages => ["dev", "staging", "prod"];

    public static TheoryData<string> ProductionLikeStages => ["staging", "prod"];

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Password_policy_needs_12_characters_of_every_class_and_remembers_history(string stage) =>
        stages[stage].HasResourceProperties(UserPool, TemplateJson.Pattern("""
            { "Policies": { "PasswordPolicy": {
                "MinimumLength": 12, "RequireLowercase": true, "RequireUppercase": true,
                "RequireNumbers": true, "RequireSymbols": true,
                "TemporaryPasswordValidityDays": 3, "PasswordHistorySize": 5 } } }
            """));

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Users_sign_in_by_username_or_email_case_insensitively(string stage) =>
        stages[stage].HasResourceProperties(UserPool, TemplateJson.Pattern("""
            { "AliasAttributes": ["email"], "UsernameConfiguration": { "CaseSensitive": false } }
            """));

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Account_recovery_uses_the_verified_email_first(string stage)
    {
        var mechanisms = TemplateJson.Single(stages[stage], UserPool)
            .GetProperty("Properties").GetProperty("AccountRecoverySetting").GetProperty("RecoveryMechanisms");
        var first = mechanisms.EnumerateArray().MinBy(m => m.GetProperty("Priority").GetInt32());
        Assert.Equal("verified_email", first.GetProperty("Name").GetString());
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Tenant_id_is_an_immutable_custom_attribute_and_the_providers_attributes_are_mutable(string stage) =>
        // Mapped attributes must be mutable and 2048 long (developer guide, "Specifying identity
        // provider attribute mappings"); the administrator's tenant_id stays immutable.
        stages[stage].HasResourceProperties(UserPool, TemplateJson.Pattern("""
            { "Schema": [ { "Mutable": true, "Name": "email", "Required": true },
                          { "Mutable": true, "Name": "phone_number", "Required": false },
                          { "AttributeDataType": "String", "Mutable": false, "Name": "tenant_id",
                            "StringAttributeConstraints": { "MaxLength": "64", "MinLength": "1" } },
                          { "AttributeDataType": "String", "Mutable": true, "Name": "idp_tenant",
                            "StringAttributeConstraints": { "MaxLength": "2048" } },
                          { "AttributeDataType": "String", "Mutable": true, "Name": "idp_email_verified",
                            "StringAttributeConstraints": { "MaxLength": "2048" } } ] }
            """));

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Every_stage_is_on_the_plus_tier_with_compromised_credentials_blocked(string stage)
    {
        stages[stage].HasResourceProperties(UserPool, TemplateJson.Pattern("""{ "UserPoolTier": "PLUS" }"""));
        stages[stage].HasResourceProperties("AWS::Cognito::UserPoolRiskConfigurationAttachment", TemplateJson.Pattern("""
            { "ClientId": "ALL",
              "CompromisedCredentialsRiskConfiguration": { "Actions": { "EventAction": "BLOCK" } },
              "AccountTakeoverRiskConfiguration": { "Actions": {
                  "HighAction": { "EventAction": "BLOCK", "Notify": false },
                  "MediumAction": { "EventAction": "MFA_IF_CONFIGURED", "Notify": false } } } }
            """));
    }

    [Fact]
    public void Dev_audits_threats_and_has_optional_totp_mfa()
    {
        stages["dev"].HasResourceProperties(UserPool, TemplateJson.Pattern("""
            { "MfaConfiguration": "OPTIONAL", "EnabledMfas": ["SOFTWARE_TOKEN_MFA"],
              "UserPoolAddOns": { "AdvancedSecurityMode": "AUDIT" } }
            """));
    }

    [Theory]
    [MemberData(nameof(ProductionLikeStages))]
    public void Staging_and_prod_require_mfa_and_enforce_threat_protection(string stage) =>
        stages[stage].HasResourceProperties(UserPool, TemplateJson.Pattern("""
            { "MfaConfiguration": "ON", "EnabledMfas": ["SMS_MFA", "SOFTWARE_TOKEN_MFA"],
              "UserPoolAddOns": { "AdvancedSecurityMode": "ENFORCED" } }
            """));

    [Theory]
    [MemberData(nameof(ProductionLikeStages))]
    public void Staging_and_prod_pools_survive_deletion_and_stack_removal(string stage)
    {
        stages[stage].HasResource(UserPool, TemplateJson.Pattern("""
            { "DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain",
              "Properties": { "DeletionProtection": "ACTIVE" } }
            """));
        Assert.True(stages.Stacks[stage].TerminationProtection);
    }

    [Fact]
    public void Dev_pool_can_be_torn_down()
    {
        stages["dev"].HasResource(UserPool, TemplateJson.Pattern("""
            { "DeletionPolicy": "Delete", "UpdateReplacePolicy": "Delete",
              "Properties": { "DeletionProtection": "INACTIVE" } }
            """));
        Assert.False(stages.Stacks["dev"].TerminationProtection);
    }

    [Fact]
    public void Dev_verifies_email_only_and_has_no_sms_role()
    {
        stages["dev"].HasResourceProperties(UserPool, TemplateJson.Pattern("""{ "AutoVerifiedAttributes": ["email"] }"""));
        stages["dev"].HasResourceProperties(UserPool, new Dictionary<string, object>(StringComparer.Ordinal) { ["SmsConfiguration"] = Match.Absent() });
        Assert.Empty(CognitoAssumableRoles(stages["dev"]));
    }

    [Theory]
    [MemberData(nameof(ProductionLikeStages))]
    public void Sms_role_only_publishes_and_only_cognito_with_the_pools_external_id_may_assume_it(string stage)
    {
        var template = stages[stage];
        // Only email is verified at sign-up even with SMS on: with both, Cognito sends the code to the
        // phone only (developer guide, "Verifying contact information at sign-up",
        // https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html),
        // so a phone could confirm an account that claims someone else's email.
        template.HasResourceProperties(UserPool, TemplateJson.Pattern("""{ "AutoVerifiedAttributes": ["email"] }"""));
        var externalId = TemplateJson.Single(template, UserPool).GetProperty("Properties")
            .GetProperty("SmsConfiguration").GetProperty("ExternalId").GetString();
        Assert.False(string.IsNullOrEmpty(externalId));

        var role = Assert.Single(CognitoAssumableRoles(template));
        var trust = Assert.Single(role.GetProperty("AssumeRolePolicyDocument").GetProperty("Statement").EnumerateArray());
        Assert.Equal("cognito-idp.amazonaws.com", trust.GetProperty("Principal").GetProperty("Service").GetString());
        var conditions = trust.GetProperty("Condition").GetProperty("StringEquals");
        Assert.Equal(externalId, conditions.GetProperty("sts:ExternalId").GetString());
        // The stack's account: a reference for an account-agnostic stage, the literal for one that names it.
        var sourceAccount = conditions.GetProperty("aws:SourceAccount");
        Assert.True(sourceAccount.ValueKind == JsonValueKind.Object || string.Equals(sourceAccount.GetString(), RepositoryFiles.StageAccount(stage), StringComparison.Ordinal), sourceAccount.GetRawText());

        var policy = Assert.Single(role.GetProperty("Policies").EnumerateArray());
        var statement = Assert.Single(policy.GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray());
        Assert.Equal("sns:Publish", statement.GetProperty("Action").GetString());
        Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
    }

    /// <summary>Roles that Cognito may assume (the SMS role), as their Properties.</summary>
    private static List<JsonElement> CognitoAssumableRoles(Template template) =>
        [.. TemplateJson.OfType(template, "AWS::IAM::Role").Values
            .Select(r => r.GetProperty("Properties"))
            .Where(p => p.GetProperty("AssumeRolePolicyDocument").GetProperty("Statement").EnumerateArray()
                .Any(s => s.GetProperty("Principal").TryGetProperty("Service", out var service) && service.GetString() is "cognito-idp.amazonaws.com"))];

    [Fact]
    public void Prod_sends_email_through_its_ses_identity_and_dev_through_cognito()
    {
        stages["prod"].HasResourceProperties(UserPool, TemplateJson.Pattern("""
            { "EmailConfiguration": {
                "EmailSendingAccount": "DEVELOPER",
                "SourceArn": "arn:aws:ses:eu-west-1:111111111111:identity/example.com",
                "From": "Example Sign-in <no-reply@example.com>",
                "ReplyToEmailAddress": "support@example.com" } }
            """));
        stages["dev"].HasResourceProperties(UserPool, TemplateJson.Pattern("""
            { "EmailConfiguration": { "EmailSendingAccount": "COGNITO_DEFAULT" } }
            """));
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Groups_come_from_the_stage_configuration_with_their_precedence(string stage)
    {
        var template = stages[stage];
        template.ResourceCountIs("AWS::Cognito::UserPoolGroup", stages.Stacks[stage].Stage.UserPool.Groups.Count);
        foreach (var group in stages.Stacks[stage].Stage.UserPool.Groups)
        {
            template.HasResourceProperties("AWS::Cognito::UserPoolGroup", new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["GroupName"] = group.Name,
                ["Precedence"] = group.Precedence,
                ["UserPoolId"] = Match.ObjectLike(new Dictionary<string, object>(StringComparer.Ordinal) { ["Ref"] = Match.AnyValue() }),
            });
        }
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Stack_exports_pool_id_arn_and_provider_url(string stage)
    {
        foreach (var output in new[] { "UserPoolId", "UserPoolArn", "UserPoolProviderUrl" })
        {
            stages[stage].HasOutput(output, TemplateJson.Pattern($$"""{ "Export": { "Name": "IdentityStack-{{stage}}-{{output}}" } }"""));
        }
    }
}
