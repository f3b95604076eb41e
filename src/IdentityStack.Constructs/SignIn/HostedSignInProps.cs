using Amazon.CDK;
using IdentityStack.Constructs.UserPools;

namespace IdentityStack.Constructs.SignIn;

/// <summary>Options for <see cref="HostedSignIn"/>.</summary>
public sealed class HostedSignInProps
{
    /// <summary>The pool the domain, resource server and clients belong to.</summary>
    public required SecureUserPool UserPool { get; init; }

    /// <summary>Cognito prefix domain: <c>https://{prefix}.auth.{region}.amazoncognito.com</c>. Give this or <see cref="CustomDomain"/>.</summary>
    public string? DomainPrefix { get; init; }

    /// <summary>Your own domain for the hosted pages. Give this or <see cref="DomainPrefix"/>.</summary>
    public CustomSignInDomain? CustomDomain { get; init; }

    /// <summary>Resource server identifier; scopes are <c>{identifier}/read|write|admin</c>. Default "identitystack".</summary>
    public string ResourceServerIdentifier { get; init; } = "identitystack";

    /// <summary>Where the SPA and server clients may send users after sign-in (https, or http on localhost).</summary>
    public required IReadOnlyList<string> CallbackUrls { get; init; }

    /// <summary>Where they may send users after sign-out.</summary>
    public required IReadOnlyList<string> LogoutUrls { get; init; }

    /// <summary>Let the SPA client sign in with USER_PASSWORD_AUTH (test tools, emulators). Never in production. Default false.</summary>
    public bool AllowPasswordAuth { get; init; }

    /// <summary>How long the classic UI custom resource's logs are kept. Default 90 days.</summary>
    public Amazon.CDK.AWS.Logs.RetentionDays LogRetention { get; init; } = Amazon.CDK.AWS.Logs.RetentionDays.THREE_MONTHS;

    /// <summary>Whether this sign-in serves production: then no password auth flow and only https, non-localhost callback and logout URLs (<see cref="ProductionPolicy"/>). Default false.</summary>
    public bool Production { get; init; }

    /// <summary>Access token lifetime. Default 60 minutes.</summary>
    public Duration AccessTokenValidity { get; init; } = Duration.Minutes(60);

    /// <summary>ID token lifetime. Default 60 minutes.</summary>
    public Duration IdTokenValidity { get; init; } = Duration.Minutes(60);

    /// <summary>Refresh token lifetime. Default 30 days.</summary>
    public Duration RefreshTokenValidity { get; init; } = Duration.Days(30);

    /// <summary>Managed login (default) or the classic hosted UI.</summary>
    public HostedUiStyle Ui { get; init; } = HostedUiStyle.ManagedLogin;

    /// <summary>CSS for the classic hosted UI (checked with <see cref="ClassicHostedUiCss"/>); only with <see cref="HostedUiStyle.Classic"/>.</summary>
    public string? ClassicCss { get; init; }

    /// <summary>
    /// The classic hosted UI's logo; only with <see cref="HostedUiStyle.Classic"/>. Needs
    /// <see cref="CustomizationBinary"/>: CloudFormation cannot set a logo, a custom resource does.
    /// </summary>
    public ClassicHostedUiLogo? ClassicLogo { get; init; }

    /// <summary>The platform's Native AOT binary and its CPU (as for the triggers), which serves the classic logo's custom resource.</summary>
    public Functions.NativeAotBinary? CustomizationBinary { get; init; }

    /// <summary>
    /// The managed login look (settings and images) for the SPA and server clients; only with
    /// <see cref="HostedUiStyle.ManagedLogin"/>. Default null: Cognito's own look.
    /// </summary>
    public ManagedLoginStyle? ManagedLoginStyle { get; init; }

    /// <summary>External providers the SPA and server clients offer besides Cognito; the clients depend on them. Default none.</summary>
    public IReadOnlyList<Amazon.CDK.AWS.Cognito.CfnUserPoolIdentityProvider> IdentityProviders { get; init; } = [];

    /// <summary>How long a rotated-out refresh token stays valid, for client retries (0-60 s). Default 10 s.</summary>
    public int RefreshTokenRotationGraceSeconds { get; init; } = 10;
}
