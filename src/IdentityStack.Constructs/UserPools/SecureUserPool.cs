using IdentityStack.Triggers.Contract;
using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace IdentityStack.Constructs.UserPools;

/// <summary>
/// A Cognito user pool with secure defaults: sign-in by username or email (case-insensitive),
/// verified email (and phone when SMS is on), a strong password policy with history, MFA,
/// threat protection with a risk configuration, deletion protection, an immutable
/// <c>custom:tenant_id</c> attribute and groups.
/// </summary>
public sealed class SecureUserPool : Construct
{
    /// <summary>The pool.</summary>
    public UserPool UserPool { get; }

    /// <summary>The underlying CloudFormation resource, for overrides and assertions.</summary>
    public CfnUserPool CfnUserPool { get; }

    /// <summary>The feature plan the pool is on, derived from the threat protection mode.</summary>
    public CognitoTier Tier { get; }

    /// <summary>The IAM role Cognito uses to send SMS, when SMS is enabled.</summary>
    public Role? SmsRole { get; }

    /// <summary>Groups created with the pool, by name.</summary>
    public IReadOnlyDictionary<string, CfnUserPoolGroup> Groups { get; }

    /// <summary>The groups as they were given (with the scopes each adds), for the triggers and the identity pool.</summary>
    public IReadOnlyList<UserPoolGroupDefinition> GroupDefinitions { get; }

    /// <summary>Whether the pool sends email through SES (custom messages may then be HTML).</summary>
    public bool SendsEmailThroughSes { get; }

    /// <summary>Creates the pool.</summary>
    public SecureUserPool(Construct scope, string id, SecureUserPoolProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        PropsProblem.ThrowIfAny(nameof(SecureUserPoolProps), props.Problems(), nameof(props));
        if (props.Production)
        {
            // Marks the template so the gate checks the synthesized properties of production stacks,
            // whatever produced them.
            Stack.Of(this).AddMetadata(ProductionPolicy.TemplateMetadataKey, true);
        }

        Tier = props.ThreatProtection == ThreatProtectionMode.Off ? CognitoTier.Essentials : CognitoTier.Plus;

        string? smsExternalId = null;
        if (props.SmsEnabled)
        {
            smsExternalId = Names.UniqueId(this) + "-sms";
            SmsRole = CreateSmsRole(smsExternalId);
        }

        UserPool = CreatePool(props, smsExternalId);
        CfnUserPool = (CfnUserPool)UserPool.Node.DefaultChild!;
        ApplyCfnSettings(props);

        if (props.ThreatProtection != ThreatProtectionMode.Off)
        {
            AttachRiskConfiguration();
        }

        GroupDefinitions = props.Groups;
        SendsEmailThroughSes = props.Email is not null;
        Groups = props.Groups.ToDictionary(
            g => g.Name,
            g => new CfnUserPoolGroup(this, "Group-" + g.Name, new CfnUserPoolGroupProps
            {
                UserPoolId = UserPool.UserPoolId,
                GroupName = g.Name,
                Description = g.Description,
                Precedence = g.Precedence,
            }),
            StringComparer.Ordinal);
    }

    /// <summary>The OIDC issuer of the pool's tokens: <c>https://cognito-idp.{region}.amazonaws.com/{poolId}</c>.</summary>
    public string ProviderUrl => UserPool.UserPoolProviderUrl;

    private UserPool CreatePool(SecureUserPoolProps props, string? smsExternalId) =>
        new(this, "UserPool", new UserPoolProps
        {
            UserPoolName = props.UserPoolName,
            SelfSignUpEnabled = props.SelfSignUpEnabled,
            SignInAliases = new SignInAliases { Username = true, Email = true },
            SignInCaseSensitive = false,
            // Email only: with email and phone both auto-verified, Cognito sends the sign-up code to the
            // phone only ("If both email and phone is set, Cognito only verifies the phone number",
            // developer guide "Verifying contact information at sign-up"), so a user could confirm with
            // their own phone while claiming someone else's address. Phones are verified after sign-up.
            AutoVerify = new AutoVerifiedAttrs { Email = true, Phone = false },
            KeepOriginal = new KeepOriginalAttrs { Email = true, Phone = props.SmsEnabled },
            StandardAttributes = new StandardAttributes
            {
                Email = new StandardAttribute { Required = true, Mutable = true },
                PhoneNumber = new StandardAttribute { Required = false, Mutable = true },
            },
            CustomAttributes = new Dictionary<string, ICustomAttribute>(StringComparer.Ordinal)
            {
                [CognitoAttributes.TenantId] = new StringAttribute(new StringAttributeProps
                {
                    MinLen = 1,
                    MaxLen = CognitoAttributes.TenantIdMaxLength,
                    Mutable = false,
                }),
                // Filled only by identity providers' attribute mapping, which needs them mutable and
                // 2048 long (developer guide, "Specifying identity provider attribute mappings").
                [CognitoAttributes.IdpTenant] = new StringAttribute(new StringAttributeProps { MaxLen = FederatedAttributeNames.MaxLength, Mutable = true }),
                [CognitoAttributes.IdpEmailVerified] = new StringAttribute(new StringAttributeProps { MaxLen = FederatedAttributeNames.MaxLength, Mutable = true }),
            },
            PasswordPolicy = new PasswordPolicy
            {
                MinLength = props.PasswordPolicy.MinLength,
                RequireLowercase = props.PasswordPolicy.RequireAllCharacterClasses,
                RequireUppercase = props.PasswordPolicy.RequireAllCharacterClasses,
                RequireDigits = props.PasswordPolicy.RequireAllCharacterClasses,
                RequireSymbols = props.PasswordPolicy.RequireAllCharacterClasses,
                TempPasswordValidity = Duration.Days(props.PasswordPolicy.TemporaryPasswordValidityDays),
            },
            AccountRecovery = props.SmsEnabled ? AccountRecovery.EMAIL_AND_PHONE_WITHOUT_MFA : AccountRecovery.EMAIL_ONLY,
            Mfa = ToCdk(props.Mfa),
            // The CDK's second factors know no email; with email, EnabledMfas is set whole (ApplyCfnSettings).
            MfaSecondFactor = props.Mfa == MfaEnforcement.Off ? null : new MfaSecondFactor
            {
                Otp = props.EffectiveMfaFactors.Contains(MfaFactor.Totp) || !props.EffectiveMfaFactors.Contains(MfaFactor.Sms),
                Sms = props.EffectiveMfaFactors.Contains(MfaFactor.Sms),
            },
            AdvancedSecurityMode = ToCdk(props.ThreatProtection),
            DeviceTracking = new DeviceTracking
            {
                ChallengeRequiredOnNewDevice = true,
                DeviceOnlyRememberedOnUserPrompt = true,
            },
            DeletionProtection = props.DeletionProtection,
            RemovalPolicy = props.RemovalPolicy,
            EnableSmsRole = props.SmsEnabled,
            SmsRole = SmsRole,
            SmsRoleExternalId = smsExternalId,
            Email = props.Email is null ? UserPoolEmail.WithCognito() : null,
        });

    private void ApplyCfnSettings(SecureUserPoolProps props)
    {
        CfnUserPool.AddPropertyOverride(CfnPropertyOverrides.UserPoolTier, Tier.ToCfn());
        CfnUserPool.AddPropertyOverride(CfnPropertyOverrides.PasswordHistorySize, props.PasswordPolicy.PasswordHistorySize);
        if (props.Mfa != MfaEnforcement.Off && props.EffectiveMfaFactors.Contains(MfaFactor.Email))
        {
            CfnUserPool.AddPropertyOverride(CfnPropertyOverrides.EnabledMfas, props.EffectiveMfaFactors.Select(CfnPropertyOverrides.ToCfn).Order(StringComparer.Ordinal).ToArray());
            // The pool's own text; the custom message trigger answers CustomMessage_Authentication in the user's language.
            CfnUserPool.AddPropertyOverride(CfnPropertyOverrides.EmailAuthenticationSubject, MessageCatalogDocuments.DefaultText("Authentication", "subject"));
            CfnUserPool.AddPropertyOverride(CfnPropertyOverrides.EmailAuthenticationMessage, MessageCatalogDocuments.DefaultText("Authentication", "text").Replace("{code}", "{####}", StringComparison.Ordinal));
        }
        if (props.Email is not null)
        {
            CfnUserPool.EmailConfiguration = new CfnUserPool.EmailConfigurationProperty
            {
                EmailSendingAccount = "DEVELOPER",
                SourceArn = props.Email.IdentityArn,
                From = props.Email.FromHeader,
                ReplyToEmailAddress = props.Email.ReplyToAddress,
            };
        }
    }

    private Role CreateSmsRole(string externalId)
    {
        var conditions = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["StringEquals"] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["sts:ExternalId"] = externalId,
                ["aws:SourceAccount"] = Stack.Of(this).Account,
            },
        };
        return new Role(this, "SmsRole", new RoleProps
        {
            Description = "Lets Amazon Cognito send verification and MFA codes by SMS through Amazon SNS.",
            AssumedBy = new ServicePrincipal(ServicePrincipals.CognitoIdp, new ServicePrincipalOpts { Conditions = conditions }),
            InlinePolicies = new Dictionary<string, PolicyDocument>(StringComparer.Ordinal)
            {
                ["SendSms"] = new PolicyDocument(new PolicyDocumentProps
                {
                    Statements =
                    [
                        // SMS goes to phone numbers, which have no ARN: SNS only accepts "*" here.
                        new PolicyStatement(new PolicyStatementProps { Actions = ["sns:Publish"], Resources = ["*"] }),
                    ],
                }),
            },
        });
    }

    private void AttachRiskConfiguration()
    {
        // Applies to every app client. In AUDIT mode Cognito records the decision but takes no action.
        _ = new CfnUserPoolRiskConfigurationAttachment(this, "RiskConfiguration", new CfnUserPoolRiskConfigurationAttachmentProps
        {
            UserPoolId = UserPool.UserPoolId,
            ClientId = "ALL",
            CompromisedCredentialsRiskConfiguration = new CfnUserPoolRiskConfigurationAttachment.CompromisedCredentialsRiskConfigurationTypeProperty
            {
                Actions = new CfnUserPoolRiskConfigurationAttachment.CompromisedCredentialsActionsTypeProperty { EventAction = "BLOCK" },
            },
            AccountTakeoverRiskConfiguration = new CfnUserPoolRiskConfigurationAttachment.AccountTakeoverRiskConfigurationTypeProperty
            {
                Actions = new CfnUserPoolRiskConfigurationAttachment.AccountTakeoverActionsTypeProperty
                {
                    LowAction = TakeoverAction("NO_ACTION"),
                    MediumAction = TakeoverAction("MFA_IF_CONFIGURED"),
                    HighAction = TakeoverAction("BLOCK"),
                },
            },
        });

        static CfnUserPoolRiskConfigurationAttachment.AccountTakeoverActionTypeProperty TakeoverAction(string action) =>
            new() { EventAction = action, Notify = false };
    }

    private static Mfa ToCdk(MfaEnforcement mfa) => mfa switch
    {
        MfaEnforcement.Off => Mfa.OFF,
        MfaEnforcement.Optional => Mfa.OPTIONAL,
        MfaEnforcement.Required => Mfa.REQUIRED,
        _ => throw new ArgumentOutOfRangeException(nameof(mfa), mfa, "Unknown MFA enforcement."),
    };

    private static AdvancedSecurityMode ToCdk(ThreatProtectionMode mode) => mode switch
    {
        ThreatProtectionMode.Off => AdvancedSecurityMode.OFF,
        ThreatProtectionMode.Audit => AdvancedSecurityMode.AUDIT,
        ThreatProtectionMode.Enforced => AdvancedSecurityMode.ENFORCED,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown threat protection mode."),
    };
}
