using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.Route53;
using IdentityStack.Constructs.UserPools;
using IdentityStack.Triggers.Contract;
using Constructs;

namespace IdentityStack.Constructs.SignIn;

/// <summary>
/// How people and programs sign in: a Cognito prefix domain for the hosted pages, a resource server
/// with read, write and admin scopes, and three app clients, each with revocation on, user-existence
/// errors hidden and only the flows it needs:
/// a public SPA client (authorization code + PKCE, no secret, refresh token rotation), a confidential
/// server client (code flow, secret), and a machine client (client_credentials, API scopes only).
/// </summary>
public sealed class HostedSignIn : Construct
{
    private const string ExplicitAuthFlowsProperty = "ExplicitAuthFlows";
    private const string ManagedLoginVersionProperty = "ManagedLoginVersion";
    private const string RefreshTokenRotationProperty = "RefreshTokenRotation";
    private static readonly string[] RefreshOnly = ["ALLOW_REFRESH_TOKEN_AUTH"];
    private static readonly string[] SrpOnly = ["ALLOW_USER_SRP_AUTH"];
    private static readonly string[] SrpAndPassword = ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH"];
    private const string UserAuthFlow = "ALLOW_USER_AUTH";

    /// <summary>The hosted UI domain.</summary>
    public UserPoolDomain Domain { get; }

    /// <summary>The API's resource server.</summary>
    public UserPoolResourceServer ResourceServer { get; }

    /// <summary>Public browser client: code + PKCE, no secret.</summary>
    public UserPoolClient SpaClient { get; }

    /// <summary>Confidential web server client: code flow with a secret.</summary>
    public UserPoolClient ServerClient { get; }

    /// <summary>The default machine-to-machine client: client_credentials for the read and write scopes, no tenant.</summary>
    public UserPoolClient MachineClient { get; }

    /// <summary>The machine clients of <see cref="HostedSignInOptions.MachineClients"/>, by name.</summary>
    public IReadOnlyDictionary<string, UserPoolClient> MachineClients { get; }

    /// <summary>Every machine client (the default one first) with its tenant and full scope names, for <see cref="Triggers.MachineClientRegistry"/>.</summary>
    public IReadOnlyList<MachineClientRegistration> MachineClientRegistrations { get; }

    /// <summary>Every app client: the ones whose tokens the API takes and whose metrics are watched.</summary>
    public IReadOnlyList<UserPoolClient> Clients => [SpaClient, ServerClient, MachineClient, .. MachineClients.Values];

    /// <summary>The resource server identifier: scopes are "{identifier}/read|write|admin".</summary>
    public string ResourceServerIdentifier { get; }

    /// <summary>Scopes of the resource server, by name (read, write, admin).</summary>
    public IReadOnlyDictionary<string, OAuthScope> Scopes { get; }

    /// <summary>Creates the domain, resource server and clients.</summary>
    public HostedSignIn(Construct scope, string id, HostedSignInProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        PropsProblem.ThrowIfAny(nameof(HostedSignInProps), props.Problems(), nameof(props));

        var pool = props.UserPool;
        Domain = CreateDomain(pool, props);

        ResourceServerIdentifier = props.ResourceServerIdentifier;
        (ResourceServer, Scopes) = CreateResourceServer(pool, props.ResourceServerIdentifier);

        var userProviders = new[] { UserPoolClientIdentityProvider.COGNITO }
            .Concat(props.IdentityProviders.Select(p => UserPoolClientIdentityProvider.Custom(NameOf(p))))
            .ToArray();
        var userScopes = new[] { OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE, Scopes[ApiScope.Read], Scopes[ApiScope.Write] };
        SpaClient = CreateClient("SpaClient", pool, props, userProviders, props.IdentityProviders, new UserPoolClientOptions
        {
            GenerateSecret = false,
            AuthFlows = new AuthFlow { UserSrp = true, UserPassword = props.AllowPasswordAuth },
            OAuth = new OAuthSettings
            {
                Flows = new OAuthFlows { AuthorizationCodeGrant = true },
                Scopes = userScopes,
                CallbackUrls = [.. props.CallbackUrls],
                LogoutUrls = [.. props.LogoutUrls],
            },
        });
        EnableRefreshTokenRotation((CfnUserPoolClient)SpaClient.Node.DefaultChild!, props);

        ServerClient = CreateClient("ServerClient", pool, props, userProviders, props.IdentityProviders, new UserPoolClientOptions
        {
            GenerateSecret = true,
            OAuth = new OAuthSettings
            {
                Flows = new OAuthFlows { AuthorizationCodeGrant = true },
                Scopes = userScopes,
                CallbackUrls = [.. props.CallbackUrls],
                LogoutUrls = [.. props.LogoutUrls],
            },
        });
        ((CfnUserPoolClient)ServerClient.Node.DefaultChild!).AddPropertyOverride(ExplicitAuthFlowsProperty, RefreshOnly);

        (MachineClient, MachineClients, MachineClientRegistrations) = CreateMachineClients(pool, props);

        AddDependencies(props.IdentityProviders);
        StyleHostedUi(props);
        if (FirstAuthFactorRules.IsChoiceBased(props.FirstFactors))
        {
            SetSignInPolicy((CfnUserPool)pool.Node.DefaultChild!, props);
        }
    }

    /// <summary>
    /// Choice-based sign-in on the pool (CloudFormation properties newer than this CDK, as L1
    /// overrides the template gate checks against the schema): the allowed first factors, and for
    /// passkeys the relying party (this sign-in domain) and user verification.
    /// </summary>
    private void SetSignInPolicy(CfnUserPool pool, HostedSignInProps props)
    {
        pool.AddPropertyOverride("Policies.SignInPolicy.AllowedFirstAuthFactors", props.FirstFactors.Select(f => f.ToCfn()).ToArray());
        if (props.FirstFactors.Contains(FirstAuthFactor.WebAuthn))
        {
            pool.AddPropertyOverride("WebAuthnRelyingPartyID", FirstAuthFactorRules.RelyingPartyId(props.DomainPrefix, props.CustomDomain, Stack.Of(this).Region));
            pool.AddPropertyOverride("WebAuthnUserVerification", props.PasskeyUserVerification == PasskeyUserVerification.Required ? "required" : "preferred");
        }
    }

    /// <summary>
    /// Managed login (version 2) needs a branding style per client that shows it; the classic UI
    /// (version 1) takes one CSS for all clients, refused here unless every selector is accepted.
    /// </summary>
    private void StyleHostedUi(HostedSignInProps props)
    {
        var domain = (CfnUserPoolDomain)Domain.Node.DefaultChild!;
        if (props.Ui == HostedUiStyle.Classic)
        {
            domain.AddPropertyOverride(ManagedLoginVersionProperty, 1);
            StyleClassicUi(props);
        }
        else
        {
            domain.AddPropertyOverride(ManagedLoginVersionProperty, 2);
            StyleManagedLogin(props);
        }
    }

    /// <summary>CSS through CloudFormation's attachment; CSS and logo through a custom resource when there is a logo.</summary>
    private void StyleClassicUi(HostedSignInProps props)
    {
        // Checked by HostedSignInProps.Problems() before anything was created.
        var css = props.ClassicCss!;

        if (props.ClassicLogo is not { } logo)
        {
            var attachment = new CfnUserPoolUICustomizationAttachment(this, "ClassicUi", new CfnUserPoolUICustomizationAttachmentProps { UserPoolId = props.UserPool.UserPoolId, ClientId = "ALL", Css = css });
            attachment.Node.AddDependency(Domain);
            return;
        }

        var customization = new ClassicHostedUiCustomization(this, "ClassicUi", props.UserPool, css, logo, props.CustomizationBinary!, props.LogRetention);
        customization.Node.AddDependency(Domain);
    }

    /// <summary>A ManagedLoginBranding per user-facing client: the given style, or Cognito's own look.</summary>
    private void StyleManagedLogin(HostedSignInProps props)
    {
        var style = props.ManagedLoginStyle;

        foreach (var (id, client) in new[] { ("SpaBranding", SpaClient), ("ServerBranding", ServerClient) })
        {
            var properties = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["UserPoolId"] = props.UserPool.UserPoolId,
                ["ClientId"] = client.UserPoolClientId,
                ["UseCognitoProvidedValues"] = style is null,
            };
            if (style is not null)
            {
                properties["Settings"] = style.SettingsForCloudFormation();
                properties["Assets"] = style.Assets.Select(a => (object)a.ToCloudFormation()).ToArray();
            }

            var branding = new CfnResource(this, id, new CfnResourceProps { Type = "AWS::Cognito::ManagedLoginBranding", Properties = properties });
            branding.Node.AddDependency(Domain);
        }
    }

    private UserPoolDomain CreateDomain(IUserPool pool, HostedSignInProps props)
    {
        if (props.CustomDomain is not { } custom)
        {
            return pool.AddDomain("Domain", new UserPoolDomainOptions { CognitoDomain = new CognitoDomainOptions { DomainPrefix = props.DomainPrefix! } });
        }

        var domain = pool.AddDomain("Domain", new UserPoolDomainOptions
        {
            CustomDomain = new CustomDomainOptions
            {
                DomainName = custom.DomainName,
                Certificate = Certificate.FromCertificateArn(this, "Certificate", custom.CertificateArn),
            },
        });
        if (custom.HostedZoneId is not null && custom.HostedZoneName is not null)
        {
            var zone = HostedZone.FromHostedZoneAttributes(this, "Zone", new HostedZoneAttributes { HostedZoneId = custom.HostedZoneId, ZoneName = custom.HostedZoneName });
            var target = RecordTarget.FromAlias(new CloudFrontAliasTarget((CfnUserPoolDomain)domain.Node.DefaultChild!));
            _ = new ARecord(this, "DomainAlias", new ARecordProps { Zone = zone, RecordName = custom.DomainName, Target = target });
            _ = new AaaaRecord(this, "DomainAliasIpv6", new AaaaRecordProps { Zone = zone, RecordName = custom.DomainName, Target = target });
        }

        return domain;
    }

    /// <summary>
    /// Clients need the resource server's scopes to exist, and the user-facing ones their providers:
    /// a client that names a provider before it exists fails to deploy ("The provider X does not exist").
    /// </summary>
    private void AddDependencies(IReadOnlyList<IUserPoolIdentityProvider> providers)
    {
        foreach (var client in Clients)
        {
            client.Node.AddDependency(ResourceServer);
        }

        foreach (var provider in providers)
        {
            SpaClient.Node.AddDependency(provider);
            ServerClient.Node.AddDependency(provider);
        }
    }

    /// <summary>
    /// Every refresh returns a new refresh token and retires the old one. Cognito then refuses
    /// REFRESH_TOKEN_AUTH, so that flow is left out of the client's flows.
    /// </summary>
    private static void EnableRefreshTokenRotation(CfnUserPoolClient client, HostedSignInProps props)
    {
        client.AddPropertyOverride(RefreshTokenRotationProperty, new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["Feature"] = "ENABLED",
            ["RetryGracePeriodSeconds"] = props.RefreshTokenRotationGraceSeconds,
        });
        string[] flows = props.AllowPasswordAuth ? SrpAndPassword : SrpOnly;
        client.AddPropertyOverride(ExplicitAuthFlowsProperty, FirstAuthFactorRules.IsChoiceBased(props.FirstFactors) ? [.. flows, UserAuthFlow] : flows);
    }

    private static (UserPoolResourceServer Server, IReadOnlyDictionary<string, OAuthScope> Scopes) CreateResourceServer(IUserPool pool, string identifier)
    {
        var resourceScopes = new[]
        {
            new ResourceServerScope(new ResourceServerScopeProps { ScopeName = ApiScope.Read, ScopeDescription = "Read the caller's data" }),
            new ResourceServerScope(new ResourceServerScopeProps { ScopeName = ApiScope.Write, ScopeDescription = "Change the caller's data" }),
            new ResourceServerScope(new ResourceServerScopeProps { ScopeName = ApiScope.Admin, ScopeDescription = "Administer users and tenants" }),
        };
        var server = pool.AddResourceServer("ResourceServer", new UserPoolResourceServerOptions
        {
            Identifier = identifier,
            UserPoolResourceServerName = identifier + " API",
            Scopes = resourceScopes,
        });
        return (server, resourceScopes.ToDictionary(s => s.ScopeName, s => OAuthScope.ResourceServer(server, s), StringComparer.Ordinal));
    }

    /// <summary>The hosted sign-in page of the SPA client (authorization endpoint with code + PKCE parameters to add).</summary>
    public string SpaSignInUrl(string callbackUrl) =>
        Domain.SignInUrl(SpaClient, new SignInUrlOptions { RedirectUri = callbackUrl, SignInPath = "/oauth2/authorize" });

    /// <summary>What every user-facing client may write: contact details and name, never the tenant.</summary>
    /// <summary>Construct id prefix of the configured machine clients: <c>MachineClient-{name}</c>.</summary>
    private const string MachineClientIdPrefix = "MachineClient-";

    /// <summary>The default machine client (read and write, no tenant) and the configured ones, with their registrations for the token trigger.</summary>
    private (UserPoolClient Default, Dictionary<string, UserPoolClient> Named, List<MachineClientRegistration> Registrations) CreateMachineClients(IUserPool pool, HostedSignInProps props)
    {
        string[] defaultScopes = [ApiScope.Read, ApiScope.Write];
        var defaultClient = CreateMachineClient("MachineClient", pool, props, defaultScopes);
        var named = new Dictionary<string, UserPoolClient>(StringComparer.Ordinal);
        var registrations = new List<MachineClientRegistration> { new(defaultClient, null, Qualified(defaultScopes)) };
        foreach (var definition in props.MachineClients)
        {
            var client = CreateMachineClient(MachineClientIdPrefix + definition.Name, pool, props, definition.Scopes);
            named[definition.Name] = client;
            registrations.Add(new(client, definition.TenantId, Qualified(definition.Scopes)));
        }

        return (defaultClient, named, registrations);
    }

    /// <summary>A client_credentials client with a secret, for the given scope names of the resource server only; no user flows.</summary>
    private UserPoolClient CreateMachineClient(string id, IUserPool pool, HostedSignInProps props, IEnumerable<string> scopeNames)
    {
        var client = CreateClient(id, pool, props, [UserPoolClientIdentityProvider.COGNITO], [], new UserPoolClientOptions
        {
            GenerateSecret = true,
            OAuth = new OAuthSettings
            {
                Flows = new OAuthFlows { ClientCredentials = true },
                Scopes = [.. scopeNames.Select(n => Scopes[n])],
            },
        });
        ((CfnUserPoolClient)client.Node.DefaultChild!).AddPropertyOverride(ExplicitAuthFlowsProperty, RefreshOnly);
        return client;
    }

    private string[] Qualified(IEnumerable<string> scopeNames) => [.. scopeNames.Select(n => ApiScopeNames.Qualified(ResourceServerIdentifier, n))];

    private static readonly StandardAttributesMask UserWritableStandardAttributes = new() { Email = true, Fullname = true, Locale = true, PhoneNumber = true };

    /// <summary><see cref="UserWritableStandardAttributes"/> by their names in mappings and events.</summary>
    private static readonly string[] UserWritableStandardNames = ["email", "name", "locale", "phone_number"];

    private UserPoolClient CreateClient(
        string id,
        IUserPool pool,
        HostedSignInProps props,
        UserPoolClientIdentityProvider[] providers,
        IReadOnlyList<IUserPoolIdentityProvider> offered,
        UserPoolClientOptions options)
    {
        // Cognito writes mapped attributes at each federated sign-in through the client the user
        // signed in with, so the client must be allowed to write them (MappedAttributeRules).
        var mapped = offered.Select(p => (Provider: NameOf(p), MappedAttributes: (IEnumerable<string>)MappedAttributesOf(p))).ToList();
        var mappedCustom = mapped.SelectMany(m => m.MappedAttributes)
            .Where(a => a.StartsWith(CustomPrefix, StringComparison.Ordinal))
            .Select(a => a[CustomPrefix.Length..])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var writable = UserWritableStandardNames.Concat(mappedCustom.Select(a => CustomPrefix + a)).ToHashSet(StringComparer.Ordinal);
        var problems = Federation.MappedAttributeRules.Problems(id, mapped, writable, CognitoAttributes.Immutable);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"HostedSignIn {Node.Path}: " + string.Join(" ", problems), paramName: nameof(props));
        }

        return new UserPoolClient(this, id, new UserPoolClientProps
        {
            UserPool = pool,
            UserPoolClientName = pool.Node.Id + "-" + id,
            GenerateSecret = options.GenerateSecret,
            AuthFlows = options.AuthFlows,
            OAuth = options.OAuth,
            PreventUserExistenceErrors = true,
            EnableTokenRevocation = true,
            AccessTokenValidity = props.AccessTokenValidity,
            IdTokenValidity = props.IdTokenValidity,
            RefreshTokenValidity = props.RefreshTokenValidity,
            SupportedIdentityProviders = providers,
            ReadAttributes = new ClientAttributes()
                .WithStandardAttributes(new StandardAttributesMask { Email = true, EmailVerified = true, Fullname = true, Locale = true, PhoneNumber = true, PhoneNumberVerified = true })
                .WithCustomAttributes(CognitoAttributes.TenantId),
            // Users may change their contact details and name, never their tenant. The providers'
            // own attributes (custom:idp_*) are writable only where a provider maps them; the
            // triggers read them for federated users only.
            WriteAttributes = new ClientAttributes()
                .WithStandardAttributes(UserWritableStandardAttributes)
                .WithCustomAttributes(mappedCustom),
        });
    }

    private const string CustomPrefix = "custom:";

    /// <summary>The user pool attributes a provider maps (the keys of its AttributeMapping).</summary>
    /// <summary>The provider's CloudFormation resource, when this app defines it (an imported provider has none).</summary>
    private static CfnUserPoolIdentityProvider? CfnOf(IUserPoolIdentityProvider provider) => provider.Node.DefaultChild as CfnUserPoolIdentityProvider;

    /// <summary>The provider's name as text: the framework's ProviderName is a reference, which clients' provider lists and messages should not carry.</summary>
    private static string NameOf(IUserPoolIdentityProvider provider) => CfnOf(provider)?.ProviderName ?? provider.ProviderName;

    private static string[] MappedAttributesOf(IUserPoolIdentityProvider provider) => CfnOf(provider)?.AttributeMapping switch
    {
        null => [],
        IDictionary<string, object> map => [.. map.Keys],
        IDictionary<string, string> map => [.. map.Keys],
        var other => [.. System.Text.Json.JsonSerializer.SerializeToElement(other).EnumerateObject().Select(p => p.Name)],
    };
}
