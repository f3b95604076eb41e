using System.Globalization;
using Amazon.CDK;
using IdentityStack.Constructs;
using IdentityStack.Constructs.Api;
using IdentityStack.Constructs.Data;
using IdentityStack.Constructs.SignIn;

namespace IdentityStack.App.Configuration;

/// <summary>
/// The description of every stage field the readers read (<see cref="ConfigFieldCatalog"/>), and
/// the defaults the readers do not record, from the options types that hold them. A test fails when
/// a field is read but not described here, or described but no longer read; the configuration
/// reference and the JSON Schema are generated from both (<see cref="ConfigReference"/>).
/// </summary>
internal static class StageFieldDocs
{
    private const string ProviderFields = "by the provider's type";

    private static string Minutes(Duration d) => d.ToMinutes().ToString(CultureInfo.InvariantCulture);

    private static string Days(Duration d) => d.ToDays().ToString(CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The options types' own defaults, which the reference states.</summary>
    private static readonly HostedSignInOptions HostedSignInDefaults = new() { CallbackUrls = [], LogoutUrls = [] };

    private static readonly DeveloperLoginOptions DeveloperLoginDefaults = new();

    private static readonly IdentityStack.Constructs.Backup.UserDirectoryBackupOptions BackupDefaults = new();

    private static readonly IdentityStack.Constructs.Federation.SamlProvider SamlDefaults = new("x", null, null);

    public static IReadOnlyDictionary<string, StageFieldDoc> Fields { get; } = new Dictionary<string, StageFieldDoc>(StringComparer.Ordinal)
    {
        ["account"] = new("Target AWS account (12 digits). Without it the stack is account-agnostic and deploys to the account of your credentials."),
        ["region"] = new("Target region, e.g. eu-west-1."),
        ["production"] = new("The stage serves production: synthesis and the template gate refuse weaker settings (threat protection not ENFORCED, MFA not REQUIRED, DESTROY, no deletion protection, password auth, http or localhost URLs, developer login)."),
        ["selfSignUp"] = new("Whether anyone may sign up (hosted UI, SignUp API). Off: only administrators create users."),
        ["mfa"] = new("Whether a second factor is off, optional or required."),
        ["mfaFactors"] = new("Second factors users may set up. SMS needs sms; EMAIL needs email (SES). Only with mfa on.", () => "TOTP, plus SMS when sms is on"),
        ["threatProtection"] = new("Cognito threat protection. AUDIT and ENFORCED put the pool on the Plus tier with a risk configuration; AUDIT only records decisions."),
        ["deletionProtection"] = new("Cognito refuses to delete the pool; also turns on stack termination protection."),
        ["removalPolicy"] = new("What CloudFormation does with the pool when it leaves the stack. DESTROY needs deletionProtection false."),
        ["email"] = new("Send through Amazon SES instead of Cognito's default sender (which has a low daily limit)."),
        ["email.sesIdentityArn"] = new("ARN of a verified SES identity."),
        ["email.fromAddress"] = new("Sender address; must belong to the identity."),
        ["email.fromName"] = new("Display name of the sender."),
        ["email.replyTo"] = new("Reply-to address."),
        ["sms"] = new("Let Cognito send SMS (phone verification, SMS MFA, recovery by phone) through an IAM role with an external id."),
        ["groups"] = new("Groups to create."),
        ["groups[].name"] = new("1-128 of A-Z a-z 0-9 _ . -, unique in the stage."),
        ["groups[].description"] = new("Plain text of at most 2048 characters."),
        ["groups[].precedence"] = new("Required; 0 wins: decides which group's IAM role applies to a member of several."),
        ["groups[].scopes"] = new("What the token trigger adds to members' access tokens: read, write, admin (the app adds the resource server's identifier)."),
        ["allowedSignUpEmailDomains"] = new("Lower-case domains (and their subdomains) allowed to sign up and to get tokens; empty allows any."),
        ["triggerArchitecture"] = new("CPU the trigger functions are built for and run on."),
        ["retention"] = new("How long logs and replaced file versions are kept."),
        ["retention.logDays"] = new("Days every log group and the S3 access logs keep data; one of CloudWatch's values.", () => $"{Number(LogRetention.ProductionDays)} on production stages, {Number(LogRetention.DefaultDays)} elsewhere"),
        ["retention.noncurrentVersionDays"] = new("Days replaced or deleted versions of users' files are kept.", () => Days(new UserDataStoreProps().NoncurrentVersionExpiration)),
        ["backup"] = new("The user directory's scheduled export (users, groups, memberships, directory items) to a locked, encrypted bucket. Production stages have it without the section; elsewhere the section turns it on."),
        ["backup.enabled"] = new("false turns the backup off (on a production stage too: think twice)."),
        ["backup.intervalHours"] = new("Hours between exports (1-144); the staleness alarm fires after interval + 2 hours without one.", () => Number(BackupDefaults.IntervalHours)),
        ["backup.retentionDays"] = new("Days each snapshot is locked and kept, then expired; at least one interval.", () => Number(BackupDefaults.RetentionDays)),
        ["backup.requestsPerSecond"] = new("Cognito calls a second the export makes (1-100), within the account's ListUsers quota (30 by default).", () => Number((int)BackupDefaults.RequestsPerSecond)),
        ["backup.lockMode"] = new("S3 Object Lock mode of the snapshots: COMPLIANCE (nobody, not even the account's root user, deletes a snapshot early) or GOVERNANCE (principals with s3:BypassGovernanceRetention can)."),
        ["alarms"] = new("Who hears the stage's alarms. A production stage needs email or topicArn."),
        ["alarms.email"] = new("Addresses subscribed to the stage's alarm topic (each confirms the SNS email)."),
        ["alarms.topicArn"] = new("An existing standard SNS topic that also gets every alarm and recovery."),
        ["signIn"] = new("Hosted sign-in: a domain, the resource server (scopes read, write, admin) and the app clients. Without it the stage has no domain and no clients."),
        ["signIn.domainPrefix"] = new("Cognito prefix domain https://<prefix>.auth.<region>.amazoncognito.com; unique per region across all accounts. Give this or customDomain."),
        ["signIn.customDomain"] = new("Your own sign-in domain instead of domainPrefix."),
        ["signIn.customDomain.domainName"] = new("The domain, e.g. auth.example.com."),
        ["signIn.customDomain.certificateArn"] = new("ACM certificate in us-east-1 (Cognito serves the domain through CloudFront)."),
        ["signIn.customDomain.hostedZoneId"] = new("Route 53 zone for the alias records; with hostedZoneName."),
        ["signIn.customDomain.hostedZoneName"] = new("That zone's name."),
        ["signIn.ui"] = new("Managed login (version 2) with branding styles, or the classic hosted UI (version 1)."),
        ["signIn.managedLoginStyle"] = new("Only with managed: folder holding the branding designer's settings.json and images."),
        ["signIn.classicCss"] = new("Required with classic: path to the classic UI's CSS."),
        ["signIn.classicLogo"] = new("Only with classic: path to a PNG or JPEG logo of at most 100 KB."),
        ["signIn.callbackUrls"] = new("Required: absolute https URLs the clients may return to (http only on localhost)."),
        ["signIn.logoutUrls"] = new("Required: absolute https URLs the clients may sign out to (http only on localhost)."),
        ["signIn.identityProviders"] = new("Names of federation providers the SPA and server clients offer besides Cognito."),
        ["signIn.allowPasswordAuth"] = new("Adds USER_PASSWORD_AUTH to the SPA client (test tools, emulators). Refused on production stages."),
        ["signIn.tokenValidity"] = new("Token lifetimes."),
        ["signIn.tokenValidity.accessMinutes"] = new("Access token lifetime, 5-1440 minutes.", () => Minutes(HostedSignInDefaults.AccessTokenValidity)),
        ["signIn.tokenValidity.idMinutes"] = new("ID token lifetime, 5-1440 minutes.", () => Minutes(HostedSignInDefaults.IdTokenValidity)),
        ["signIn.tokenValidity.refreshDays"] = new("Refresh token lifetime, 1-3650 days.", () => Days(HostedSignInDefaults.RefreshTokenValidity)),
        ["signIn.firstFactors"] = new("How users may start signing in. PASSWORD stays; EMAIL_OTP needs email, SMS_OTP needs sms, WEB_AUTHN (passkeys) needs ui managed. Production stages refuse EMAIL_OTP and SMS_OTP.", () => string.Join(", ", HostedSignInDefaults.FirstFactors.Select(f => f.ToString().ToUpperInvariant()))),
        ["signIn.passkeyUserVerification"] = new("Whether a passkey must verify its user (PIN, biometrics)."),
        ["signIn.machineClients"] = new("Machine-to-machine clients besides the default one (at most 10)."),
        ["signIn.machineClients[].name"] = new("1-32 lower-case letters and digits in hyphen-joined words."),
        ["signIn.machineClients[].tenantId"] = new("The tenant the client acts for; its access tokens carry it as tenant_id."),
        ["signIn.machineClients[].scopes"] = new("read and/or write (admin comes only from group membership).", () => string.Join(", ", new MachineClientDefinition("x").Scopes)),
        ["federation"] = new("External identity providers: Google, Facebook, Amazon, Apple, OIDC, SAML."),
        ["federation[].type"] = new("Google, Facebook, Amazon, Apple, OIDC or SAML."),
        ["federation[].name"] = new("3-32 of A-Z a-z 0-9 . -; social providers are named after their type.", RequiredWhen: "for OIDC and SAML"),
        ["federation[].clientId"] = new("The app's client id at the provider (Apple: the services id).", RequiredWhen: "for all but SAML"),
        ["federation[].clientSecretArn"] = new("ARN of the Secrets Manager secret holding the client secret.", RequiredWhen: "for Google, Facebook, Amazon, OIDC"),
        ["federation[].secretVersionId"] = new("The version of the secret the template pins (what put-secret-value printed); a rotation is a change of it. Not for SAML."),
        ["federation[].secretVersionStage"] = new("A staging label to pin instead of a version id. Not for SAML."),
        ["federation[].scopes"] = new("Scopes asked of the provider.", () => ProviderFields),
        ["federation[].teamId"] = new("Apple: the 10-character team id.", RequiredWhen: "for Apple"),
        ["federation[].keyId"] = new("Apple: the 10-character id of the Sign in with Apple key.", RequiredWhen: "for Apple"),
        ["federation[].privateKeySecretArn"] = new("Apple: ARN of the secret holding the .p8 private key.", RequiredWhen: "for Apple"),
        ["federation[].issuer"] = new("OIDC: the issuer URL (https).", RequiredWhen: "for OIDC"),
        ["federation[].attributeRequestMethod"] = new("OIDC: how Cognito calls the userinfo endpoint."),
        ["federation[].metadataUrl"] = new("SAML: https URL of the IdP's metadata; this or metadataFile."),
        ["federation[].metadataFile"] = new("SAML: path to the IdP's metadata XML in the repository; this or metadataUrl."),
        ["federation[].idpInitiated"] = new("SAML: accept sign-in started at the IdP."),
        ["federation[].signRequests"] = new("SAML: sign requests (rsa-sha256)."),
        ["federation[].encryptedResponses"] = new("SAML: require encrypted assertions."),
        ["federation[].idpSignOut"] = new("SAML: sign users out at the IdP too."),
        ["federation[].emailClaim"] = new("SAML: the assertion attribute that carries the email address.", () => SamlDefaults.EmailClaim),
        ["federation[].nameClaim"] = new("SAML: the assertion attribute that carries the display name.", () => SamlDefaults.NameClaim),
        ["federation[].tenantAttribute"] = new("The provider's claim mapped to custom:idp_tenant; needs tenants."),
        ["federation[].tenants"] = new("The tenants the provider may assert; any other value gets no tokens."),
        ["federation[].tenant"] = new("The one fixed tenant of every user of the provider; excludes tenantAttribute and tenants."),
        ["federation[].trustEmail"] = new("Count the provider's addresses as verified although it sends no email_verified."),
        ["federation[].exemptFromAllowList"] = new("The email allow-list does not apply to this provider's users (OIDC and SAML only)."),
        ["identityPool"] = new("The identity pool, its roles and the user data bucket and tables. Needs signIn."),
        ["identityPool.allowGuests"] = new("Guests get the guest role: read public/ and the leaderboard."),
        ["identityPool.adminGroup"] = new("A groups name whose members get the admin role."),
        ["identityPool.roleMappingRules"] = new("Rules-based role mapping instead of token-based (at most 25)."),
        ["identityPool.roleMappingRules[].claim"] = new("A claim no user or client can write: cognito:groups, roles, tenant_id, custom:tenant_id."),
        ["identityPool.roleMappingRules[].match"] = new("How the claim is compared; group claims take Equals only."),
        ["identityPool.roleMappingRules[].value"] = new("The value compared with."),
        ["identityPool.roleMappingRules[].role"] = new("The role a match gives."),
        ["identityPool.tenantTags"] = new("Maps the ID token's tenant_id to the session tag tenant and grants tenants/<tenant>/."),
        ["identityPool.publicProviders"] = new("App ids of social providers the identity pool takes directly."),
        ["identityPool.publicProviders.google"] = new("Google client id."),
        ["identityPool.publicProviders.facebook"] = new("Facebook app id."),
        ["identityPool.publicProviders.amazon"] = new("Login with Amazon app id."),
        ["identityPool.publicProviders.apple"] = new("Sign in with Apple services id."),
        ["identityPool.openIdConnectProviderArns"] = new("IAM OIDC provider ARNs of the stage's own account whose tokens the pool takes."),
        ["identityPool.samlProviderArns"] = new("IAM SAML provider ARNs of the stage's own account whose assertions the pool takes."),
        ["identityPool.externalIdentities"] = new("The role of identities from the identity pool's other providers. Production stages take publicProviders only with readOnly."),
        ["identityPool.developerProviderName"] = new("Developer provider name for developer-authenticated identities."),
        ["api"] = new("The JWT-protected HTTP API and its backend."),
        ["api.adminGroup"] = new("Required with api: the groups name whose members may use the admin routes (besides the admin scope)."),
        ["api.throttle"] = new("The API stage's throttling."),
        ["api.throttle.rateLimit"] = new("Steady requests per second.", () => Number(new ApiThrottle().RateLimit)),
        ["api.throttle.burstLimit"] = new("Requests in a burst.", () => Number(new ApiThrottle().BurstLimit)),
        ["api.developerLogin"] = new("The developer login route for users of an existing directory (refused on production stages)."),
        ["api.developerLogin.tokenMinutes"] = new("Lifetime of the developer identity's token, 1-1440 minutes.", () => Minutes(DeveloperLoginDefaults.TokenDuration)),
        ["api.developerLogin.throttle"] = new("The developer login route's own throttling."),
        ["api.developerLogin.throttle.rateLimit"] = new("Steady requests per second.", () => Number(DeveloperLoginDefaults.Throttle.RateLimit)),
        ["api.developerLogin.throttle.burstLimit"] = new("Requests in a burst.", () => Number(DeveloperLoginDefaults.Throttle.BurstLimit)),
    };
}
