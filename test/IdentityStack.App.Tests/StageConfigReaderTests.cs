using IdentityStack.Constructs.UserPools;

namespace IdentityStack.App.Tests;

public sealed class StageConfigReaderTests
{
    private static IReadOnlyDictionary<string, StageConfig> Read(string stagesJson)
    {
        using var document = JsonDocument.Parse(stagesJson);
        return StageConfigReader.Read(document.RootElement.Clone());
    }

    private static ConfigProblem SingleProblem(string stagesJson)
    {
        var error = Assert.Throws<StageConfigException>(() => Read(stagesJson));
        return Assert.Single(error.Problems);
    }

    [Fact]
    public void A_stage_with_only_a_region_gets_the_secure_defaults()
    {
        var stage = Read("""{ "qa": { "region": "eu-central-1" } }""")["qa"];

        Assert.Equal(new SecureUserPoolOptions(), stage.UserPool with { Groups = new SecureUserPoolOptions().Groups, PasswordPolicy = new SecureUserPoolOptions().PasswordPolicy });
        Assert.Equal(MfaEnforcement.Required, stage.UserPool.Mfa);
        Assert.Equal(ThreatProtectionMode.Enforced, stage.UserPool.ThreatProtection);
        Assert.True(stage.UserPool.DeletionProtection);
        Assert.Equal(Amazon.CDK.RemovalPolicy.RETAIN, stage.UserPool.RemovalPolicy);
        Assert.Null(stage.Account);
        Assert.Empty(stage.UserPool.Groups);
        Assert.Empty(stage.Triggers.AllowedEmailDomains);
        Assert.Equal(TriggerArchitecture.Arm64, stage.TriggerArchitecture);
        Assert.Null(stage.SignIn);
        Assert.Equal("IdentityStack-qa", stage.StackName);
    }

    [Fact]
    public void Every_field_is_read()
    {
        var stage = Read("""
            { "qa": { "account": "123456789012", "region": "us-east-1", "selfSignUp": true, "mfa": "OPTIONAL",
                      "threatProtection": "AUDIT", "deletionProtection": false, "removalPolicy": "DESTROY", "sms": true,
                      "email": { "sesIdentityArn": "arn:aws:ses:us-east-1:123456789012:identity/mail.example.com",
                                 "fromAddress": "hi@mail.example.com", "fromName": "Hi", "replyTo": "help@example.com" },
                      "groups": [ { "name": "admins", "description": "Admins", "precedence": 1, "scopes": ["admin"] } ],
                      "triggerArchitecture": "x86_64",
                      "allowedSignUpEmailDomains": ["example.com"] } }
            """)["qa"];

        Assert.Equal("123456789012", stage.Account);
        Assert.Equal("us-east-1", stage.Region);
        Assert.True(stage.UserPool.SelfSignUpEnabled);
        Assert.Equal(MfaEnforcement.Optional, stage.UserPool.Mfa);
        Assert.Equal(ThreatProtectionMode.Audit, stage.UserPool.ThreatProtection);
        Assert.False(stage.UserPool.DeletionProtection);
        Assert.Equal(Amazon.CDK.RemovalPolicy.DESTROY, stage.UserPool.RemovalPolicy);
        Assert.True(stage.UserPool.SmsEnabled);
        Assert.Equal(new SesEmailSettings("arn:aws:ses:us-east-1:123456789012:identity/mail.example.com", "hi@mail.example.com", "Hi", "help@example.com"), stage.UserPool.Email);
        var group = Assert.Single(stage.UserPool.Groups);
        Assert.Equal(new UserPoolGroupDefinition("admins", "Admins", 1) { Scopes = group.Scopes }, group);
        Assert.Equal(["identitystack/admin"], group.Scopes);
        Assert.Equal(["example.com"], stage.Triggers.AllowedEmailDomains);
        Assert.Equal(TriggerArchitecture.X86_64, stage.TriggerArchitecture);
    }

    [Theory]
    [InlineData("""{ "prod": { "region": "eu-west-1", "mfa": "SOMETIMES" } }""", "stages.prod.mfa", "\"SOMETIMES\"", "OFF, OPTIONAL, REQUIRED")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "threatProtection": "BLOCK" } }""", "stages.prod.threatProtection", "\"BLOCK\"", "OFF, AUDIT, ENFORCED")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "removalPolicy": "SNAPSHOT" } }""", "stages.prod.removalPolicy", "\"SNAPSHOT\"", "RETAIN, DESTROY")]
    [InlineData("""{ "prod": { } }""", "stages.prod.region", "missing", "eu-west-1")]
    [InlineData("""{ "prod": { "region": "Ireland" } }""", "stages.prod.region", "\"Ireland\"", "AWS region code")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "account": 123456789012 } }""", "stages.prod.account", "123456789012", "as a string")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "account": "1234" } }""", "stages.prod.account", "\"1234\"", "12-digit")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "sms": "yes" } }""", "stages.prod.sms", "\"yes\"", "true or false")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "mfaMode": "REQUIRED" } }""", "stages.prod.mfaMode", "\"REQUIRED\"", "unknown field; valid fields here are account, alarms, allowedSignUpEmailDomains")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "email": { "sesIdentityArn": "arn:aws:ses:eu-west-1:1:identity/example.com", "fromAddress": "a@example.com" } } }""", "stages.prod.email.sesIdentityArn", "\"arn:aws:ses:eu-west-1:1:identity/example.com\"", "verified SES identity")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "email": { "sesIdentityArn": "arn:aws:ses:eu-west-1:123456789012:identity/example.com", "fromAddress": "a@evil.test" } } }""", "stages.prod.email.fromAddress", "\"a@evil.test\"", "identity 'example.com'")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "email": { "sesIdentityArn": "arn:aws:ses:eu-west-1:123456789012:identity/example.com" } } }""", "stages.prod.email.fromAddress", "missing", "sender address")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "groups": [ { "name": "a", "precedence": 0 }, { "name": "a", "precedence": 1 } ] } }""", "stages.prod.groups[1].name", "\"a\"", "unique")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "groups": [ { "name": "admins" } ] } }""", "stages.prod.groups[0].precedence", "missing", "precedence")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "groups": [ { "name": "admins", "precedence": -1 } ] } }""", "stages.prod.groups[0].precedence", "-1", "whole number from 0")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "groups": [ { "name": "has space", "precedence": 0 } ] } }""", "stages.prod.groups[0].name", "\"has space\"", "letters, digits")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "groups": "admins" } }""", "stages.prod.groups", "\"admins\"", "JSON array")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "allowedSignUpEmailDomains": ["@example.com"] } }""", "stages.prod.allowedSignUpEmailDomains[0]", "\"@example.com\"", "lower-case domain")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "removalPolicy": "DESTROY" } }""", "stages.prod.removalPolicy", "\"DESTROY\"", "turn deletion protection off")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "groups": [ { "name": "admins", "precedence": 0, "scopes": ["has space"] } ] } }""", "stages.prod.groups[0].scopes[0]", "\"has space\"", "scope name")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "triggerArchitecture": "arm" } }""", "stages.prod.triggerArchitecture", "\"arm\"", "arm64, x86_64")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "Bad_Prefix", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] } } }""", "stages.dev.signIn.domainPrefix", "\"Bad_Prefix\"", "lower-case letters")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "my-cognito-login", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] } } }""", "stages.dev.signIn.domainPrefix", "\"my-cognito-login\"", "containing 'cognito'")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["http://app.example.com/cb"], "logoutUrls": ["https://a.example.com/"] } } }""", "stages.dev.signIn.callbackUrls[0]", "\"http://app.example.com/cb\"", "http is allowed only for localhost")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://app.example.com/#cb"], "logoutUrls": ["https://a.example.com/"] } } }""", "stages.dev.signIn.callbackUrls[0]", "\"https://app.example.com/#cb\"", "without '#'")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"] } } }""", "stages.dev.signIn.logoutUrls", "none", "at least one URL")]
    [InlineData("""{ "live": { "region": "eu-west-1", "production": true, "alarms": { "email": ["oncall@example.com"] }, "signIn": { "domainPrefix": "acme-live", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "allowPasswordAuth": true } } }""", "stages.live.signIn.allowPasswordAuth", "true", "not allowed in production")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "tokenValidity": { "accessMinutes": 2 } } } }""", "stages.dev.signIn.tokenValidity.accessMinutes", "2 minutes", "from 5 minutes to 1 day")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "federation": [ { "type": "Google", "name": "Google", "clientId": "x", "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:g-AbCdEf", "clientSecret": "hunter2" } ] } }""", "stages.dev.federation[0].clientSecret", "(a secret value)", "plain secrets are not accepted")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "federation": [ { "type": "Google", "name": "Google", "clientId": "x" } ] } }""", "stages.dev.federation[0].clientSecretArn", "missing", "Secrets Manager secret")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "federation": [ { "type": "SAML", "name": "Acme", "metadataUrl": "http://idp.example.com/metadata" } ] } }""", "stages.dev.federation[0].metadataUrl", "\"http://idp.example.com/metadata\"", "https URL")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "federation": [ { "type": "SAML", "name": "Acme" } ] } }""", "stages.dev.federation[0].metadataUrl", "missing", "exactly one of metadataUrl and metadataFile")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "federation": [ { "type": "Okta", "name": "Okta" } ] } }""", "stages.dev.federation[0].type", "\"Okta\"", "Google, Facebook, Amazon, Apple, OIDC, SAML")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "federation": [ { "type": "OIDC", "name": "Cognito", "issuer": "https://a.example.com", "clientId": "x", "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:o-AbCdEf" } ] } }""", "stages.dev.federation[0].name", "\"Cognito\"", "not 'Cognito'")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "identityProviders": ["Google"] } } }""", "stages.dev.signIn.identityProviders[0]", "\"Google\"", "none is configured")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "signIn": { "customDomain": { "domainName": "auth.example.com", "certificateArn": "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555" }, "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] } } }""", "stages.prod.signIn.customDomain.certificateArn", "\"arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555\"", "in us-east-1")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-prod", "customDomain": { "domainName": "auth.example.com", "certificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555" }, "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] } } }""", "stages.prod.signIn.domainPrefix", "(both set)", "exactly one of")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "signIn": { "customDomain": { "domainName": "auth.other.com", "certificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555", "hostedZoneId": "Z0123456789ABC", "hostedZoneName": "example.com" }, "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] } } }""", "stages.prod.signIn.customDomain.domainName", "\"auth.other.com\"", "not inside the hosted zone 'example.com'")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "ui": "classic", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] } } }""", "stages.dev.signIn.classicCss", "missing", "needs a CSS file")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "ui": "classic", "classicCss": "branding/nope.css", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] } } }""", "stages.dev.signIn.classicCss", "\"branding/nope.css\"", "relative to the repository root")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "classicCss": "branding/classic/hosted-ui.css", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] } } }""", "stages.dev.signIn.classicCss", "\"branding/classic/hosted-ui.css\"", "only to the classic hosted UI")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "ui": "classic", "classicCss": "branding/classic/hosted-ui.css", "managedLoginStyle": "branding/managed-login", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] } } }""", "stages.dev.signIn.managedLoginStyle", "\"branding/managed-login\"", "applies only to \"ui\": \"managed\"")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "managedLoginStyle": "branding/nope", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] } } }""", "stages.dev.signIn.managedLoginStyle", "\"branding/nope\"", "branding/nope: no such folder.")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "managedLoginStyle": "branding/classic", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] } } }""", "stages.dev.signIn.managedLoginStyle", "\"branding/classic\"", "branding/classic/settings.json: missing")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "managedLoginStyle": "../etc", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] } } }""", "stages.dev.signIn.managedLoginStyle", "\"../etc\"", "a folder in the repository")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "federation": [ { "type": "OIDC", "name": "Acme", "issuer": "https://a.example.com", "clientId": "a", "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:a-AbCdEf" }, { "type": "SAML", "name": "Acme", "metadataUrl": "https://idp.example.com/metadata" } ] } }""", "stages.dev.federation[1].name", "\"Acme\"", "must be unique")]
    // Cognito names a social provider after its type and refuses any other name: CreateIdentityProvider
    // answers "Provider Social cannot be of type Google" (aws/aws-cli#3179), and the framework's
    // UserPoolIdentityProviderGoogle hard-codes the name for that reason.
    [InlineData("""{ "dev": { "region": "eu-west-1", "federation": [ { "type": "Google", "name": "Social", "clientId": "a", "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:a-AbCdEf" } ] } }""", "stages.dev.federation[0].name", "\"Social\"", "Cognito names a Google provider \"Google\"")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "federation": [ { "type": "SAML", "name": "Ac", "metadataUrl": "https://idp.example.com/metadata" } ] } }""", "stages.dev.federation[0].name", "\"Ac\"", "3-32 letters")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "federation": [ { "type": "OIDC", "name": "Acme", "issuer": "https://a.example.com", "clientId": "a", "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:a-AbCdEf", "tenantAttribute": "tenant" } ] } }""", "stages.dev.federation[0].tenants", "empty", "list the tenants it may assert")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "federation": [ { "type": "OIDC", "name": "Acme", "issuer": "https://a.example.com", "clientId": "a", "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:a-AbCdEf", "tenants": ["acme-01"] } ] } }""", "stages.dev.federation[0].tenantAttribute", "null", "maps no tenant claim")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "federation": [ { "type": "OIDC", "name": "Acme", "issuer": "https://a.example.com", "clientId": "a", "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:a-AbCdEf", "tenant": "acme-01", "tenantAttribute": "tenant" } ] } }""", "stages.dev.federation[0].tenantAttribute", "\"tenant\"", "has the fixed tenant")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "federation": [ { "type": "OIDC", "name": "Acme", "issuer": "https://a.example.com", "clientId": "a", "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:a-AbCdEf", "tenant": "acme 01" } ] } }""", "stages.dev.federation[0].tenant", "\"acme 01\"", "use a tenant id")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "federation": [ { "type": "OIDC", "name": "Acme", "issuer": "https://a.example.com", "clientId": "a", "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:a-AbCdEf", "tenantAttribute": "tenant", "tenants": ["acme-01", null] } ] } }""", "stages.dev.federation[0].tenants[1]", "null", "tenant ids")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "federation": [ { "type": "OIDC", "name": "Acme", "issuer": "https://a.example.com", "clientId": "a", "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:a-AbCdEf", "tenantAttribute": "tenant", "tenants": "acme-01" } ] } }""", "stages.dev.federation[0].tenants", "\"acme-01\"", "array")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "federation": [ { "type": "OIDC", "name": "Acme", "issuer": "https://a.example.com", "clientId": "a", "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:a-AbCdEf", "tenantAttribute": "tenant", "tenants": ["{{resolve:ssm:/t}}"] } ] } }""", "stages.dev.federation[0].tenants[0]", "\"{{resolve:ssm:/t}}\"", "dynamic reference")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "allowedSignUpEmailDomains": ["example.com"], "federation": [ { "type": "Facebook", "clientId": "a", "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:a-AbCdEf" } ] } }""", "stages.dev.federation[0].trustEmail", "false", "identity provider 'Facebook' sends no email_verified")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "allowedSignUpEmailDomains": ["example.com"], "federation": [ { "type": "Google", "clientId": "a", "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:a-AbCdEf", "exemptFromAllowList": true } ] } }""", "stages.dev.federation[0].exemptFromAllowList", "true", "anyone can create a Google account")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "identityPool": { "allowGuests": true } } }""", "stages.dev.identityPool", "(no signIn)", "add \"signIn\" to the stage")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] }, "identityPool": { "adminGroup": "admins" } } }""", "stages.dev.identityPool.adminGroup", "\"admins\"", "the stage has no groups")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] }, "identityPool": { "openIdConnectProviderArns": ["https://login.example.com"] } } }""", "stages.dev.identityPool.openIdConnectProviderArns[0]", "\"https://login.example.com\"", "use an IAM provider ARN")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] }, "identityPool": { "developerProviderName": "login_acme" } } }""", "stages.dev.identityPool.developerProviderName", "\"login_acme\"", "no underscores")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] }, "identityPool": { "roleMappingRules": [ { "claim": "cognito:groups", "match": "Contains", "value": "admins" } ] } } }""", "stages.dev.identityPool.roleMappingRules[0].role", "missing", "authenticated, admin")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] }, "identityPool": { "roleMappingRules": [ { "claim": "cognito:groups", "match": "Like", "value": "admins", "role": "admin" } ] } } }""", "stages.dev.identityPool.roleMappingRules[0].match", "\"Like\"", "Equals, Contains, StartsWith, NotEqual")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] }, "identityPool": { "allowGuest": true } } }""", "stages.dev.identityPool.allowGuest", "true", "unknown field")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "classicLogo": "branding/classic/logo.png" } } }""", "stages.dev.signIn.classicLogo", "\"branding/classic/logo.png\"", "applies only to the classic hosted UI")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "ui": "classic", "classicCss": "branding/classic/hosted-ui.css", "classicLogo": "branding/classic/nope.png" } } }""", "stages.dev.signIn.classicLogo", "\"branding/classic/nope.png\"", "relative to the repository root")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "ui": "classic", "classicCss": "branding/classic/hosted-ui.css", "classicLogo": "branding/managed-login/form-logo.dynamic.svg" } } }""", "stages.dev.signIn.classicLogo", "\"branding/managed-login/form-logo.dynamic.svg\"", "a .png or .jpg file")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] }, "api": { } } }""", "stages.dev.api.adminGroup", "missing", "admin routes")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] }, "groups": [ { "name": "admins", "description": "Admins", "precedence": 0 } ], "api": { "adminGroup": "owners" } } }""", "stages.dev.api.adminGroup", "\"owners\"", "no such group; use one of admins")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "groups": [ { "name": "admins", "description": "Admins", "precedence": 0 } ], "api": { "adminGroup": "admins" } } }""", "stages.dev.api", "(no signIn)", "add \"signIn\"")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] }, "groups": [ { "name": "admins", "description": "Admins", "precedence": 0 } ], "api": { "adminGroup": "admins", "throttle": { "rateLimit": 0 } } } }""", "stages.dev.api.throttle.rateLimit", "0", "from 1 to 10000")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] }, "groups": [ { "name": "admins", "description": "Admins", "precedence": 0 } ], "api": { "adminGroup": "admins", "developerLogin": { } } } }""", "stages.dev.api.developerLogin", "(set)", "\"developerProviderName\"")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] }, "groups": [ { "name": "admins", "description": "Admins", "precedence": 0 } ], "identityPool": { "developerProviderName": "login.example.app" }, "api": { "adminGroup": "admins", "developerLogin": { "tokenMinutes": 2000 } } } }""", "stages.dev.api.developerLogin.tokenMinutes", "1 day 9 hours", "from 1 second to 24 hours")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] }, "groups": [ { "name": "admins", "description": "Admins", "precedence": 0 } ], "identityPool": { "developerProviderName": "login.example.app" }, "api": { "adminGroup": "admins", "developerLogin": { "throttle": { "rateLimit": 0 } } } } }""", "stages.dev.api.developerLogin.throttle.rateLimit", "0", "from 1 to 10000")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "firstFactors": ["PASSWORD", "FACE_ID"] } } }""", "stages.dev.signIn.firstFactors[1]", "\"FACE_ID\"", "PASSWORD, EMAIL_OTP, SMS_OTP, WEB_AUTHN")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "firstFactors": ["PASSWORD", "EMAIL_OTP"] } } }""", "stages.dev.signIn.firstFactors", "EMAIL_OTP", "send through SES")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "firstFactors": ["WEB_AUTHN"] } } }""", "stages.dev.signIn.firstFactors", "[WEB_AUTHN]", "include PASSWORD")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "ui": "classic", "classicCss": "branding/classic/hosted-ui.css", "firstFactors": ["PASSWORD", "WEB_AUTHN"] } } }""", "stages.dev.signIn.firstFactors", "[PASSWORD, WEB_AUTHN]", "only with managed login")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "passkeyUserVerification": "always" } } }""", "stages.dev.signIn.passkeyUserVerification", "\"always\"", "required, preferred")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "mfaFactors": ["TOTP", "EMAIL"] } }""", "stages.dev.mfaFactors", "[TOTP, EMAIL]", "send through SES")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "mfaFactors": ["TOTP", "VOICE"] } }""", "stages.dev.mfaFactors[1]", "\"VOICE\"", "TOTP, SMS, EMAIL")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "machineClients": [null, { "name": "ok", "scopes": ["read"] }] } } }""", "stages.dev.signIn.machineClients[0]", "null", "each machine client is an object")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "machineClients": [{ "scopes": ["read"] }] } } }""", "stages.dev.signIn.machineClients[0].name", "missing", "billing-export")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "machineClients": [{ "name": "robot", "scopes": ["admin"] }] } } }""", "stages.dev.signIn.machineClients[0].scopes[0]", "\"admin\"", "admin group")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "machineClients": [{ "name": "robot", "scopes": ["read", 7] }] } } }""", "stages.dev.signIn.machineClients[0].scopes[1]", "7", "\"read\" or \"write\"")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "machineClients": [{ "name": "robot", "scopes": "read" }] } } }""", "stages.dev.signIn.machineClients[0].scopes", "\"read\"", "JSON array")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "machineClients": [{ "name": "robot", "tenantId": "{{resolve:ssm:/tenant}}" }] } } }""", "stages.dev.signIn.machineClients[0].tenantId", "\"{{resolve:ssm:/tenant}}\"", "resolve")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "machineClients": [{ "name": "robot", "tenantId": "acme 01" }] } } }""", "stages.dev.signIn.machineClients[0].tenantId", "\"acme 01\"", "letters, digits")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "machineClients": [{ "name": "robot", "tenant": "acme-01" }] } } }""", "stages.dev.signIn.machineClients[0].tenant", "\"acme-01\"", "unknown field")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "machineClients": [{ "name": "robot" }, { "name": "robot" }] } } }""", "stages.dev.signIn.machineClients[1].name", "\"robot\"", "another machine client")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "signIn": { "domainPrefix": "acme-dev", "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"], "machineClients": { "name": "robot" } } } }""", "stages.dev.signIn.machineClients", "{ \"name\": \"robot\" }", "JSON array")]
    // A custom domain with a broken field is still the chosen domain: no second, misleading "no domain" problem.
    [InlineData("""{ "prod": { "region": "eu-west-1", "signIn": { "customDomain": { "certificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555" }, "callbackUrls": ["https://a.example.com/cb"], "logoutUrls": ["https://a.example.com/"] } } }""", "stages.prod.signIn.customDomain.domainName", "missing", "fully qualified name")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "federation": [{ "type": "Google", "clientId": "c", "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:g-AbCdEf", "secretVersionId": "{{resolve:ssm:/v}}" }] } }""", "stages.prod.federation[0].secretVersionId", "\"{{resolve:ssm:/v}}\"", "dynamic reference")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "federation": [{ "type": "Google", "clientId": "c", "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:g-AbCdEf", "secretVersionId": "v1" }] } }""", "stages.prod.federation[0].secretVersionId", "\"v1\"", "put-secret-value")]
    [InlineData("""{ "prod": { "region": "eu-west-1", "federation": [{ "type": "SAML", "name": "AcmeSaml", "metadataUrl": "https://idp.example.com/m", "tenant": "acme-01", "secretVersionStage": "AWSCURRENT" }] } }""", "stages.prod.federation[0].secretVersionStage", "\"AWSCURRENT\"", "has no secret in Secrets Manager")]
    // Group scopes are named as machine clients' are; a typo would be a scope no route requires.
    [InlineData("""{ "dev": { "region": "eu-west-1", "groups": [{ "name": "admins", "precedence": 0, "scopes": ["identitystack/admin"] }] } }""", "stages.dev.groups[0].scopes[0]", "\"identitystack/admin\"", "write \"admin\"")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "groups": [{ "name": "admins", "precedence": 0, "scopes": ["read", "admn"] }] } }""", "stages.dev.groups[0].scopes[1]", "\"admn\"", "use \"read\", \"write\" or \"admin\"")]
    [InlineData("""{ "dev": { "region": "eu-west-1", "groups": [{ "name": "admins", "precedence": 0, "scopes": ["read", "read"] }] } }""", "stages.dev.groups[0].scopes[1]", "\"read\"", "listed twice")]
    [InlineData("""{ "Prod!": { "region": "eu-west-1" } }""", "stages.Prod!", "\"Prod!\"", "lower-case letters")]
    [InlineData("""{ "all": { "region": "eu-west-1" } }""", "stages.all", "\"all\"", "is reserved")]
    [InlineData("""{ "production": { "region": "eu-west-1" } }""", "stages.production", "\"production\"", "choose another name")]
    [InlineData("""{ "prod": "eu-west-1" }""", "stages.prod", "\"eu-west-1\"", "JSON object")]
    public void Bad_input_is_reported_with_field_value_and_fix(string stagesJson, string path, string found, string fixMentions)
    {
        var problem = SingleProblem(stagesJson);

        Assert.Equal(path, problem.Path);
        Assert.Equal(found, problem.Found);
        Assert.Contains(fixMentions, problem.Fix, StringComparison.Ordinal);
        Assert.Equal($"{path} = {found}: {problem.Fix}", problem.ToString());
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("{}", "{}")]
    [InlineData("[]", "[]")]
    public void Missing_or_empty_stages_say_how_to_define_one(string? json, string found)
    {
        JsonElement? stages = json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

        var error = Assert.Throws<StageConfigException>(() => StageConfigReader.Read(stages));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("stages", problem.Path);
        Assert.Equal(found, problem.Found);
        Assert.Contains("\"stages\": { \"dev\"", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void All_problems_of_all_stages_are_reported_at_once_one_line_each()
    {
        var error = Assert.Throws<StageConfigException>(() => Read("""
            { "dev": { "region": "eu-west-1", "mfa": "maybe" },
              "prod": { "region": "nowhere", "sms": 1 } }
            """));

        Assert.Equal(["stages.dev.mfa", "stages.prod.region", "stages.prod.sms"], error.Problems.Select(p => p.Path), StringComparer.Ordinal);
        var lines = error.Message.Split(Environment.NewLine);
        Assert.Equal("Invalid stage configuration (3 problems):", lines[0]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void A_production_stage_refuses_every_weakened_setting_one_line_each_with_the_fix()
    {
        var error = Assert.Throws<StageConfigException>(() => Read("""
            { "live": { "region": "eu-west-1", "production": true, "threatProtection": "AUDIT", "mfa": "OPTIONAL",
                        "removalPolicy": "DESTROY", "deletionProtection": false,
                        "signIn": { "domainPrefix": "acme-live", "allowPasswordAuth": true,
                                    "callbackUrls": ["https://app.example.com/cb", "http://localhost:5173/cb"], "logoutUrls": ["https://127.0.0.1/"] } } }
            """));

        Assert.Equal(
            ["stages.live.alarms.email", "stages.live.deletionProtection", "stages.live.mfa", "stages.live.removalPolicy", "stages.live.signIn.allowPasswordAuth",
             "stages.live.signIn.callbackUrls[1]", "stages.live.signIn.logoutUrls[0]", "stages.live.threatProtection"],
            error.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Contains(error.Problems, p => p.ToString().StartsWith("stages.live.threatProtection = \"AUDIT\": production needs threat protection ENFORCED", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => string.Equals(p.Found, "\"http://localhost:5173/cb\"", StringComparison.Ordinal));
        Assert.All(error.Problems, p => Assert.Contains("production", p.Fix, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_role_decides_not_the_name_a_stage_called_prod_without_production_is_not_held_to_it()
    {
        var stage = Read("""
            { "prod": { "region": "eu-west-1", "mfa": "OPTIONAL", "threatProtection": "AUDIT",
                        "signIn": { "domainPrefix": "acme-prod", "allowPasswordAuth": true, "callbackUrls": ["http://localhost:5173/cb"], "logoutUrls": ["http://localhost:5173/"] } } }
            """)["prod"];

        Assert.False(stage.Production);
        Assert.True(stage.SignIn!.Options.AllowPasswordAuth);
    }

    // The identity pool's side doors on a production stage: social tokens taken directly only with a
    // read-only external role, and IAM providers only of the stage's own account.
    [Fact]
    public void A_production_identity_pool_refuses_social_tokens_with_a_writing_role_and_another_accounts_providers()
    {
        var error = Assert.Throws<StageConfigException>(() => Read("""
            { "live": { "region": "eu-west-1", "production": true, "account": "111111111111", "mfa": "REQUIRED", "threatProtection": "ENFORCED",
                        "deletionProtection": true, "removalPolicy": "RETAIN", "alarms": { "email": ["oncall@example.com"] },
                        "signIn": { "domainPrefix": "acme-live", "callbackUrls": ["https://app.example.com/cb"], "logoutUrls": ["https://app.example.com/"] },
                        "identityPool": { "externalIdentities": "own", "publicProviders": { "google": "123-abc.apps.googleusercontent.com" },
                                          "samlProviderArns": ["arn:aws:iam::123456789012:saml-provider/Acme"] } } }
            """));

        Assert.Equal(["stages.live.identityPool.publicProviders", "stages.live.identityPool.samlProviderArns[0]"], error.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Contains(error.Problems, p => p.Fix.Contains("set externalIdentities to readOnly", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Fix.Contains("not in this stack's account 111111111111", StringComparison.Ordinal));
    }
}
