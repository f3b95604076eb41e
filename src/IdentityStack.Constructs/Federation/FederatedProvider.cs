using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Constructs;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs.Federation;

/// <summary>
/// An external identity provider users may sign in with, created with the framework's construct for
/// its type (<c>UserPoolIdentityProviderGoogle</c>, ...). Secrets are never values here: only ARNs of
/// Secrets Manager secrets, which become CloudFormation dynamic references resolved at deploy time.
/// </summary>
/// <param name="Name">
/// Provider name in the pool and in clients' supported providers. Cognito fixes it for the social
/// providers ("Provider X cannot be of type Google" otherwise), so those records set it themselves;
/// OIDC and SAML providers take 3-32 characters (the framework's limit).
/// </param>
public abstract partial record FederatedProvider(string Name)
{
    /// <summary>CloudFormation <c>ProviderType</c>.</summary>
    public abstract string ProviderType { get; }

    /// <summary>
    /// Provider attribute that carries the tenant id, mapped to <c>custom:idp_tenant</c> (never to the
    /// administrator-set <c>custom:tenant_id</c>, which is immutable); null maps none. Needs
    /// <see cref="Tenants"/>: a provider may assert only the tenants listed for it.
    /// </summary>
    public string? TenantAttribute { get; init; }

    /// <summary>
    /// The tenants this provider may assert through <see cref="TenantAttribute"/>. A user whose
    /// provider asserts any other value (or a malformed one) gets no tokens, at every token issue.
    /// Default none.
    /// </summary>
    public IReadOnlyList<string> Tenants { get; init; } = [];

    /// <summary>
    /// The one tenant of every user of this provider (the usual "one enterprise IdP, one tenant"
    /// case): no mapping is needed or read. Default none.
    /// </summary>
    public string? FixedTenant { get; init; }

    /// <summary>
    /// Whether the provider's email addresses count as verified though it sends no
    /// <c>email_verified</c> (Facebook, Login with Amazon, SAML). Default false: such a user's
    /// email stays unverified. Risk: the provider's word for the address is taken; a provider that
    /// lets users enter addresses it never checked lets them claim anyone's.
    /// </summary>
    public bool TrustEmail { get; init; }

    /// <summary>
    /// Whether the pool's email allow-list does not apply to this provider's users (an enterprise
    /// IdP that is the authority for its users, usually with a <see cref="FixedTenant"/>). Only for
    /// OIDC and SAML providers: anyone can have a social account. Default false.
    /// </summary>
    public bool ExemptFromAllowList { get; init; }

    /// <summary>
    /// The version of the provider's secret (client secret, or Apple's private key) that the template
    /// pins, by its version id: what <c>aws secretsmanager put-secret-value</c> prints as VersionId.
    /// With it, a rotation is a change of this value, which updates the provider, so CloudFormation
    /// resolves the new secret and Cognito gets it. Without it the template names no version: a value
    /// rotated in place reaches Cognito only at the provider's next update for another reason.
    /// Give this or <see cref="SecretVersionStage"/>, not both. Default none (the current version).
    /// </summary>
    public string? SecretVersionId { get; init; }

    /// <summary>
    /// The staging label of the secret version the template pins (your own label, or AWSPENDING),
    /// instead of <see cref="SecretVersionId"/>; a label moved to another version reaches Cognito
    /// only when the provider is updated, so prefer the version id. Default none.
    /// </summary>
    public string? SecretVersionStage { get; init; }

    /// <summary>Whether the provider signs in with a secret of Secrets Manager (all but SAML).</summary>
    protected virtual bool HasSecret => true;

    /// <summary>Whether the provider sends an <c>email_verified</c> claim, mapped to <c>custom:idp_email_verified</c>.</summary>
    public bool SendsEmailVerified => EmailVerifiedAttribute is not null;

    /// <summary>Whether anyone may create an account at the provider (the social providers), so that it is no authority for a tenant's users.</summary>
    public virtual bool IsSocial => true;

    /// <summary>Every problem of the provider's tenant and email settings (empty when there are none).</summary>
    public virtual IReadOnlyList<PropsProblem> Problems()
    {
        var problems = new List<PropsProblem>();
        var tenants = Tenants ?? [];
        if (FixedTenant is not null)
        {
            if (!IsTenantId(FixedTenant))
            {
                problems.Add(new(nameof(FixedTenant), PropsProblem.Quoted(FixedTenant), $"use a tenant id: {TriggerSettingFormats.TenantIdShape}."));
            }

            if (TenantAttribute is not null || tenants.Count > 0)
            {
                problems.Add(new(TenantAttribute is not null ? nameof(TenantAttribute) : nameof(Tenants), TenantAttribute is not null ? PropsProblem.Quoted(TenantAttribute) : "a list", $"provider '{Name}' has the fixed tenant \"{FixedTenant}\": every user of it is in that tenant, so it maps no tenant claim and lists no tenants; remove one or the other."));
            }
        }
        else if (TenantAttribute is not null && tenants.Count == 0)
        {
            problems.Add(new(nameof(Tenants), "empty", $"provider '{Name}' maps a tenant claim ({TenantAttribute}): list the tenants it may assert, e.g. [\"acme-01\"], or give it one fixed tenant and no mapping. A provider may never assert just any tenant."));
        }
        else if (TenantAttribute is null && tenants.Count > 0)
        {
            problems.Add(new(nameof(TenantAttribute), "null", $"provider '{Name}' lists tenants but maps no tenant claim: name the provider's claim that carries the tenant, or use a fixed tenant for one."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tenants.Count; i++)
        {
            var at = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{nameof(Tenants)}[{i}]");
            if (tenants[i] is not { } tenant || !IsTenantId(tenant))
            {
                problems.Add(new(at, PropsProblem.Quoted(tenants[i]), $"use a tenant id: {TriggerSettingFormats.TenantIdShape}."));
            }
            else if (!seen.Add(tenant))
            {
                problems.Add(new(at, PropsProblem.Quoted(tenant), "each tenant once; remove the repeat."));
            }
        }

        if (ExemptFromAllowList && IsSocial)
        {
            problems.Add(new(nameof(ExemptFromAllowList), "true", $"anyone can create a {ProviderType} account, so exempting '{Name}' from the email allow-list lets anyone get tokens; exempt only an OIDC or SAML provider that is the authority for its users, or set trustEmail instead."));
        }

        problems.AddRange(SecretVersionProblems());
        return problems;
    }

    private IEnumerable<PropsProblem> SecretVersionProblems()
    {
        var given = SecretVersionId is not null ? nameof(SecretVersionId) : SecretVersionStage is not null ? nameof(SecretVersionStage) : null;
        if (given is null)
        {
            yield break;
        }

        if (!HasSecret)
        {
            yield return new(given, PropsProblem.Quoted(SecretVersionId ?? SecretVersionStage), $"provider '{Name}' ({ProviderType}) has no secret in Secrets Manager; remove it.");
        }
        else if (SecretVersionId is not null && SecretVersionStage is not null)
        {
            yield return new(nameof(SecretVersionStage), PropsProblem.Quoted(SecretVersionStage), "pin the secret by its version id or by a staging label, not both; keep the version id.");
        }
        else if (SecretVersionId is { } id && !SecretVersionIdPattern().IsMatch(id))
        {
            yield return new(nameof(SecretVersionId), PropsProblem.Quoted(id), "use the VersionId that 'aws secretsmanager put-secret-value' printed (32-64 letters, digits or hyphens, e.g. \"EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE\").");
        }
        else if (SecretVersionStage is { } stage && !SecretVersionStagePattern().IsMatch(stage))
        {
            yield return new(nameof(SecretVersionStage), PropsProblem.Quoted(stage), "use a staging label of 1-256 letters, digits or _+=.@- characters, e.g. \"AWSPENDING\".");
        }
    }

    private static bool IsTenantId(string value) => TriggerSettingFormats.TenantId().IsMatch(value);

    /// <summary>Creates the provider on <paramref name="pool"/>, as the child <see cref="Name"/> of <paramref name="scope"/>.</summary>
    public abstract IUserPoolIdentityProvider Create(Construct scope, IUserPool pool);

    /// <summary>User pool attribute -> provider attribute.</summary>
    public virtual IReadOnlyDictionary<string, string> AttributeMapping()
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal) { ["email"] = EmailAttribute, ["name"] = NameAttribute };
        if (TenantAttribute is not null)
        {
            mapping[FederatedAttributeNames.IdpTenantClaim] = TenantAttribute;
        }

        if (EmailVerifiedAttribute is { } verified)
        {
            mapping[FederatedAttributeNames.IdpEmailVerifiedClaim] = verified;
        }

        return mapping;
    }

    /// <summary>The provider's claim saying whether it verified the email, or null when it sends none.</summary>
    protected virtual string? EmailVerifiedAttribute => null;

    /// <summary>The provider's email attribute.</summary>
    protected virtual string EmailAttribute => "email";

    /// <summary>The provider's display-name attribute.</summary>
    protected virtual string NameAttribute => "name";

    /// <summary>
    /// <see cref="AttributeMapping"/> as the framework takes it: every entry as given (the framework
    /// writes custom entries under their own names, standard ones included).
    /// </summary>
    protected Amazon.CDK.AWS.Cognito.AttributeMapping FrameworkMapping() => new()
    {
        Custom = AttributeMapping().ToDictionary(m => m.Key, m => ProviderAttribute.Other(m.Value), StringComparer.Ordinal),
    };

    /// <summary>A Secrets Manager secret's whole string value, resolved by CloudFormation at deploy time, at the pinned version if any.</summary>
    protected SecretValue Secret(string secretArn) => SecretValue.SecretsManager(secretArn, new SecretsManagerSecretOptions
    {
        VersionId = SecretVersionId,
        VersionStage = SecretVersionStage,
    });

    [GeneratedRegex("^[A-Za-z0-9-]{32,64}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex SecretVersionIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_+=.@-]{1,256}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex SecretVersionStagePattern();
}

/// <summary>A social provider signed in to with an OAuth client id and secret; Cognito names it after its type.</summary>
public abstract record OAuthClientProvider(string Name, string ClientId, string ClientSecretArn, IReadOnlyList<string> Scopes) : FederatedProvider(Name);

/// <summary>Sign in with Google (named "Google").</summary>
public sealed record GoogleProvider(string ClientId, string ClientSecretArn, IReadOnlyList<string> Scopes) : OAuthClientProvider(TypeName, ClientId, ClientSecretArn, Scopes)
{
    /// <summary>Cognito's provider type, which is also the provider's name.</summary>
    public const string TypeName = "Google";

    /// <inheritdoc />
    public override string ProviderType => TypeName;

    /// <summary>Google's ID token says whether Google verified the address.</summary>
    protected override string? EmailVerifiedAttribute => "email_verified";

    /// <inheritdoc />
    public override IUserPoolIdentityProvider Create(Construct scope, IUserPool pool) =>
        new UserPoolIdentityProviderGoogle(scope, Name, new UserPoolIdentityProviderGoogleProps
        {
            UserPool = pool,
            ClientId = ClientId,
            ClientSecretValue = Secret(ClientSecretArn),
            Scopes = [.. Scopes],
            AttributeMapping = FrameworkMapping(),
        });
}

/// <summary>Sign in with Facebook (named "Facebook"; scopes separated by commas).</summary>
public sealed record FacebookProvider(string ClientId, string ClientSecretArn, IReadOnlyList<string> Scopes) : OAuthClientProvider(TypeName, ClientId, ClientSecretArn, Scopes)
{
    /// <summary>Cognito's provider type, which is also the provider's name.</summary>
    public const string TypeName = "Facebook";

    /// <inheritdoc />
    public override string ProviderType => TypeName;

    /// <inheritdoc />
    public override IUserPoolIdentityProvider Create(Construct scope, IUserPool pool) =>
        new UserPoolIdentityProviderFacebook(scope, Name, new UserPoolIdentityProviderFacebookProps
        {
            UserPool = pool,
            ClientId = ClientId,
            ClientSecret = Secret(ClientSecretArn).UnsafeUnwrap(),
            Scopes = [.. Scopes],
            AttributeMapping = FrameworkMapping(),
        });
}

/// <summary>Login with Amazon (named "LoginWithAmazon").</summary>
public sealed record AmazonProvider(string ClientId, string ClientSecretArn, IReadOnlyList<string> Scopes) : OAuthClientProvider(TypeName, ClientId, ClientSecretArn, Scopes)
{
    /// <summary>Cognito's provider type, which is also the provider's name.</summary>
    public const string TypeName = "LoginWithAmazon";

    /// <inheritdoc />
    public override string ProviderType => TypeName;

    /// <inheritdoc />
    public override IUserPoolIdentityProvider Create(Construct scope, IUserPool pool) =>
        new UserPoolIdentityProviderAmazon(scope, Name, new UserPoolIdentityProviderAmazonProps
        {
            UserPool = pool,
            ClientId = ClientId,
            ClientSecret = Secret(ClientSecretArn).UnsafeUnwrap(),
            Scopes = [.. Scopes],
            AttributeMapping = FrameworkMapping(),
        });
}

/// <summary>Sign in with Apple (named "SignInWithApple"): a services id, team id, key id and the private key (.p8) in Secrets Manager.</summary>
public sealed record AppleProvider(string ServicesId, string TeamId, string KeyId, string PrivateKeySecretArn, IReadOnlyList<string> Scopes) : FederatedProvider(TypeName)
{
    /// <summary>Cognito's provider type, which is also the provider's name.</summary>
    public const string TypeName = "SignInWithApple";

    /// <inheritdoc />
    public override string ProviderType => TypeName;

    /// <inheritdoc />
    protected override string NameAttribute => "firstName";

    /// <summary>
    /// Apple's ID token says whether the address is verified (developer guide, "Add Sign in with
    /// Apple as a social identity provider",
    /// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-social-idp-apple.html).
    /// </summary>
    protected override string? EmailVerifiedAttribute => "email_verified";

    /// <inheritdoc />
    public override IUserPoolIdentityProvider Create(Construct scope, IUserPool pool) =>
        new UserPoolIdentityProviderApple(scope, Name, new UserPoolIdentityProviderAppleProps
        {
            UserPool = pool,
            ClientId = ServicesId,
            TeamId = TeamId,
            KeyId = KeyId,
            PrivateKeyValue = Secret(PrivateKeySecretArn),
            Scopes = [.. Scopes],
            AttributeMapping = FrameworkMapping(),
        });
}

/// <summary>Any OpenID Connect provider.</summary>
public sealed record OidcProvider(string Name, string Issuer, string ClientId, string ClientSecretArn, IReadOnlyList<string> Scopes, string AttributesRequestMethod) : FederatedProvider(Name)
{
    /// <inheritdoc />
    public override string ProviderType => "OIDC";

    /// <inheritdoc />
    public override bool IsSocial => false;

    /// <summary>The standard OIDC claim; a provider that does not send it leaves the email unverified.</summary>
    protected override string? EmailVerifiedAttribute => "email_verified";

    /// <inheritdoc />
    public override IUserPoolIdentityProvider Create(Construct scope, IUserPool pool) =>
        new UserPoolIdentityProviderOidc(scope, Name, new UserPoolIdentityProviderOidcProps
        {
            UserPool = pool,
            Name = Name,
            IssuerUrl = Issuer,
            ClientId = ClientId,
            ClientSecret = Secret(ClientSecretArn).UnsafeUnwrap(),
            Scopes = [.. Scopes],
            AttributeRequestMethod = string.Equals(AttributesRequestMethod, "POST", StringComparison.Ordinal) ? OidcAttributeRequestMethod.POST : OidcAttributeRequestMethod.GET,
            AttributeMapping = FrameworkMapping(),
        });
}

/// <summary>A SAML 2.0 identity provider, from a metadata URL or a metadata document.</summary>
public sealed record SamlProvider(string Name, string? MetadataUrl, string? MetadataDocument) : FederatedProvider(Name)
{
    /// <summary>SAML signs in with metadata and certificates, not a secret of Secrets Manager.</summary>
    protected override bool HasSecret => false;

    /// <summary>Accept sign-in started at the IdP (no SP request to match). Default false.</summary>
    public bool IdpInitiated { get; init; }

    /// <summary>Sign authentication requests (rsa-sha256). Default true.</summary>
    public bool SignRequests { get; init; } = true;

    /// <summary>Require encrypted SAML assertions. Default true.</summary>
    public bool EncryptedResponses { get; init; } = true;

    /// <summary>Sign users out of the IdP too. Default true.</summary>
    public bool IdpSignOut { get; init; } = true;

    /// <summary>SAML attribute with the email address.</summary>
    public string EmailClaim { get; init; } = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";

    /// <summary>SAML attribute with the display name.</summary>
    public string NameClaim { get; init; } = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";

    /// <inheritdoc />
    public override string ProviderType => "SAML";

    /// <inheritdoc />
    public override bool IsSocial => false;

    /// <inheritdoc />
    protected override string EmailAttribute => EmailClaim;

    /// <inheritdoc />
    protected override string NameAttribute => NameClaim;

    /// <inheritdoc />
    public override IUserPoolIdentityProvider Create(Construct scope, IUserPool pool)
    {
        var provider = new UserPoolIdentityProviderSaml(scope, Name, new UserPoolIdentityProviderSamlProps
        {
            UserPool = pool,
            Name = Name,
            Metadata = MetadataUrl is not null
                ? UserPoolIdentityProviderSamlMetadata.Url(MetadataUrl)
                : UserPoolIdentityProviderSamlMetadata.File(MetadataDocument ?? throw new InvalidOperationException($"SAML provider '{Name}' needs a metadata URL or document.")),
            IdpSignout = IdpSignOut,
            IdpInitiated = IdpInitiated,
            EncryptedResponses = EncryptedResponses,
            RequestSigningAlgorithm = SignRequests ? SigningAlgorithm.RSA_SHA256 : null,
            AttributeMapping = FrameworkMapping(),
        });

        // The framework writes these flags as JSON booleans; Cognito's ProviderDetails is a map of
        // strings, and tools that check the API's types (LocalStack, for one) refuse booleans there.
        var resource = (CfnUserPoolIdentityProvider)provider.Node.DefaultChild!;
        foreach (var (detail, value) in new[] { ("IDPSignout", IdpSignOut), ("IDPInit", IdpInitiated), ("EncryptedResponses", EncryptedResponses) })
        {
            resource.AddPropertyOverride("ProviderDetails." + detail, value ? "true" : "false");
        }

        return provider;
    }
}
