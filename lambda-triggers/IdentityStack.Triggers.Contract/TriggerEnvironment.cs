namespace IdentityStack.Triggers.Contract;

/// <summary>The environment variables the CDK wiring sets and the triggers read; their formats are in <see cref="TriggerSettingFormats"/>.</summary>
public static class TriggerEnvironment
{
    /// <summary>Comma-separated lower-case email domains allowed to sign up; empty allows any.</summary>
    public const string AllowedEmailDomains = "ALLOWED_EMAIL_DOMAINS";

    /// <summary>DynamoDB table of user profiles and tenants.</summary>
    public const string DirectoryTable = "DIRECTORY_TABLE";

    /// <summary>DynamoDB table of the legacy user store.</summary>
    public const string LegacyUsersTable = "LEGACY_USERS_TABLE";

    /// <summary>Scopes added by group: <c>group=scope,scope;group=scope</c>.</summary>
    public const string GroupScopes = "GROUP_SCOPES";

    /// <summary>Comma-separated identity provider names whose email addresses count as verified though the provider sends no <c>email_verified</c>.</summary>
    public const string TrustedEmailProviders = "TRUSTED_EMAIL_PROVIDERS";

    /// <summary>
    /// The tenants each identity provider may assert through its tenant mapping:
    /// <c>provider=tenant,tenant;provider=tenant</c>. A federated user whose provider asserts a
    /// tenant outside its list gets no tokens.
    /// </summary>
    public const string ProviderTenants = "PROVIDER_TENANTS";

    /// <summary>The one tenant of every user of a provider: <c>provider=tenant;provider=tenant</c> (no mapping needed or read).</summary>
    public const string ProviderFixedTenants = "PROVIDER_FIXED_TENANTS";

    /// <summary>
    /// Comma-separated identity provider names whose users the email allow-list does not apply to
    /// (an enterprise IdP that is the authority for its users, usually with a fixed tenant).
    /// </summary>
    public const string AllowListExemptProviders = "ALLOW_LIST_EXEMPT_PROVIDERS";

    /// <summary><c>SES</c> or <c>COGNITO</c>: who sends the pool's email (HTML only through SES).</summary>
    public const string EmailSender = "EMAIL_SENDER";

    /// <summary>
    /// An extra loopback origin custom resources may answer on, for the local tests' fake
    /// CloudFormation only; the CDK never sets it (a template test checks every function).
    /// </summary>
    public const string TestCloudFormationResponseOrigin = "IDENTITYSTACK_TEST_CLOUDFORMATION_RESPONSE_ORIGIN";
}
