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

    /// <summary>
    /// Every problem of these props at once (empty when there are none): the production rules, one
    /// domain, and a look that fits the hosted UI (CSS and logo for the classic UI, a style for
    /// managed login, the binary that sets a classic logo). <see cref="HostedSignIn"/> checks them
    /// before it creates anything.
    /// </summary>
    public IReadOnlyList<PropsProblem> Problems()
    {
        var problems = new List<PropsProblem>();
        if (Production)
        {
            // ProductionPolicy names settings as configuration does (callbackUrls[1]); the property is the same name in Pascal case.
            problems.AddRange(ProductionPolicy.SignInProblems(AllowPasswordAuth, CallbackUrls ?? [], LogoutUrls ?? [])
                .Select(p => new PropsProblem(char.ToUpperInvariant(p.Setting[0]) + p.Setting[1..], "(production)", p.Fix)));
        }

        if ((DomainPrefix is null) == (CustomDomain is null))
        {
            problems.Add(new(nameof(DomainPrefix), DomainPrefix is null ? "null" : "\"" + DomainPrefix + "\"", "give exactly one of DomainPrefix (a Cognito domain) and CustomDomain (your own)."));
        }

        problems.AddRange(Ui == HostedUiStyle.Classic ? ClassicLookProblems() : ManagedLookProblems());
        return problems;
    }

    private IEnumerable<PropsProblem> ClassicLookProblems()
    {
        if (ManagedLoginStyle is not null)
        {
            yield return new(nameof(ManagedLoginStyle), "(a style)", "applies only to managed login; remove it or set Ui to ManagedLogin.");
        }

        if (ClassicCss is null)
        {
            yield return new(nameof(ClassicCss), "null", "the classic hosted UI needs CSS (the classes Cognito accepts: ClassicHostedUiCss.AcceptedSelectors).");
        }
        else if (ClassicHostedUiCss.Problems(ClassicCss) is { Count: > 0 } css)
        {
            yield return new(nameof(ClassicCss), "(the CSS)", string.Join(" ", css));
        }

        if (ClassicLogo is { } logo)
        {
            if (logo.Problems() is { Count: > 0 } image)
            {
                yield return new(nameof(ClassicLogo), "(the image)", string.Join(" ", image));
            }

            if (CustomizationBinary is null)
            {
                yield return new(nameof(CustomizationBinary), "null", "ClassicLogo needs the platform's Native AOT binary: CloudFormation cannot set a logo, a custom resource does.");
            }
        }
    }

    private IEnumerable<PropsProblem> ManagedLookProblems()
    {
        if (ClassicLogo is not null)
        {
            yield return new(nameof(ClassicLogo), "(an image)", "applies only to the classic hosted UI; remove it or set Ui to Classic.");
        }

        if (ManagedLoginStyle?.Problems() is { Count: > 0 } style)
        {
            yield return new(nameof(ManagedLoginStyle), "(the style)", string.Join(" ", style));
        }
    }
}
