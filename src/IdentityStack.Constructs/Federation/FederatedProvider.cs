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
public abstract record FederatedProvider(string Name)
{
    /// <summary>CloudFormation <c>ProviderType</c>.</summary>
    public abstract string ProviderType { get; }

    /// <summary>
    /// Provider attribute that carries the tenant id, mapped to <c>custom:idp_tenant</c> (never to the
    /// administrator-set <c>custom:tenant_id</c>, which is immutable); null maps none.
    /// </summary>
    public string? TenantAttribute { get; init; }

    /// <summary>
    /// Whether the provider's email addresses count as verified though it sends no
    /// <c>email_verified</c> (Facebook, Login with Amazon, Apple, SAML). Default false: such a user's
    /// email stays unverified.
    /// </summary>
    public bool TrustEmail { get; init; }

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

    /// <summary>A Secrets Manager secret's whole string value, resolved by CloudFormation at deploy time.</summary>
    protected static SecretValue Secret(string secretArn) => SecretValue.SecretsManager(secretArn);
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
