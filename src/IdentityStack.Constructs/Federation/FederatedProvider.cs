using Amazon.CDK;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs.Federation;

/// <summary>
/// An external identity provider users may sign in with. Secrets are never values here: only ARNs of
/// Secrets Manager secrets, which become CloudFormation dynamic references resolved at deploy time.
/// </summary>
/// <param name="Name">Provider name in the pool and in clients' supported providers (1-32 characters).</param>
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

    /// <summary>CloudFormation <c>ProviderDetails</c>.</summary>
    public abstract IReadOnlyDictionary<string, string> ProviderDetails();

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

    /// <summary>A dynamic reference to a Secrets Manager secret's whole string value.</summary>
    protected static string SecretReference(string secretArn) => SecretValue.SecretsManager(secretArn).UnsafeUnwrap();
}

/// <summary>A social provider signed in to with an OAuth client id and secret.</summary>
public abstract record OAuthClientProvider(string Name, string ClientId, string ClientSecretArn, IReadOnlyList<string> Scopes) : FederatedProvider(Name)
{
    /// <summary>How the provider separates scopes in <c>authorize_scopes</c>.</summary>
    protected virtual char ScopeSeparator => ' ';

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> ProviderDetails() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["client_id"] = ClientId,
        ["client_secret"] = SecretReference(ClientSecretArn),
        ["authorize_scopes"] = string.Join(ScopeSeparator, Scopes),
    };
}

/// <summary>Sign in with Google.</summary>
public sealed record GoogleProvider(string Name, string ClientId, string ClientSecretArn, IReadOnlyList<string> Scopes) : OAuthClientProvider(Name, ClientId, ClientSecretArn, Scopes)
{
    /// <inheritdoc />
    public override string ProviderType => "Google";

    /// <summary>Google's ID token says whether Google verified the address.</summary>
    protected override string? EmailVerifiedAttribute => "email_verified";
}

/// <summary>Sign in with Facebook (scopes separated by commas).</summary>
public sealed record FacebookProvider(string Name, string ClientId, string ClientSecretArn, IReadOnlyList<string> Scopes) : OAuthClientProvider(Name, ClientId, ClientSecretArn, Scopes)
{
    /// <inheritdoc />
    public override string ProviderType => "Facebook";

    /// <inheritdoc />
    protected override char ScopeSeparator => ',';
}

/// <summary>Login with Amazon.</summary>
public sealed record AmazonProvider(string Name, string ClientId, string ClientSecretArn, IReadOnlyList<string> Scopes) : OAuthClientProvider(Name, ClientId, ClientSecretArn, Scopes)
{
    /// <inheritdoc />
    public override string ProviderType => "LoginWithAmazon";
}

/// <summary>Sign in with Apple: a services id, team id, key id and the private key (.p8) in Secrets Manager.</summary>
public sealed record AppleProvider(string Name, string ServicesId, string TeamId, string KeyId, string PrivateKeySecretArn, IReadOnlyList<string> Scopes) : FederatedProvider(Name)
{
    /// <inheritdoc />
    public override string ProviderType => "SignInWithApple";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> ProviderDetails() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["client_id"] = ServicesId,
        ["team_id"] = TeamId,
        ["key_id"] = KeyId,
        ["private_key"] = SecretReference(PrivateKeySecretArn),
        ["authorize_scopes"] = string.Join(' ', Scopes),
    };

    /// <inheritdoc />
    protected override string NameAttribute => "firstName";
}

/// <summary>Any OpenID Connect provider.</summary>
public sealed record OidcProvider(string Name, string Issuer, string ClientId, string ClientSecretArn, IReadOnlyList<string> Scopes, string AttributesRequestMethod) : FederatedProvider(Name)
{
    /// <inheritdoc />
    public override string ProviderType => "OIDC";

    /// <summary>The standard OIDC claim; a provider that does not send it leaves the email unverified.</summary>
    protected override string? EmailVerifiedAttribute => "email_verified";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> ProviderDetails() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["oidc_issuer"] = Issuer,
        ["client_id"] = ClientId,
        ["client_secret"] = SecretReference(ClientSecretArn),
        ["authorize_scopes"] = string.Join(' ', Scopes),
        ["attributes_request_method"] = AttributesRequestMethod,
    };
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
    public override IReadOnlyDictionary<string, string> ProviderDetails()
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["IDPSignout"] = Flag(IdpSignOut),
            ["IDPInit"] = Flag(IdpInitiated),
            ["EncryptedResponses"] = Flag(EncryptedResponses),
        };
        if (MetadataUrl is not null)
        {
            details["MetadataURL"] = MetadataUrl;
        }
        else
        {
            details["MetadataFile"] = MetadataDocument ?? throw new InvalidOperationException($"SAML provider '{Name}' needs a metadata URL or document.");
        }

        if (SignRequests)
        {
            details["RequestSigningAlgorithm"] = "rsa-sha256";
        }

        return details;

        static string Flag(bool value) => value ? "true" : "false";
    }
}
