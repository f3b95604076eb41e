using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.CDK;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs.SignIn;

/// <summary>
/// Hosted sign-in's settings, apart from the resources it is wired to (see <see cref="HostedSignInProps"/>):
/// what a configuration file can say. <see cref="Problems"/> is the one home of the rules;
/// <see cref="HostedSignIn"/> refuses settings with problems, and the app reports them at their cdk.json paths.
/// </summary>
public partial record HostedSignInOptions
{
    /// <summary>Cognito's shortest and longest access and ID token lifetimes.</summary>
    public static readonly (Duration Shortest, Duration Longest) TokenValidityLimits = (Duration.Minutes(5), Duration.Days(1));

    /// <summary>Cognito's shortest and longest refresh token lifetimes.</summary>
    public static readonly (Duration Shortest, Duration Longest) RefreshTokenValidityLimits = (Duration.Minutes(60), Duration.Days(3650));

    /// <summary>Cognito refuses prefix domains that contain these words.</summary>
    private static readonly string[] ReservedPrefixWords = ["aws", "amazon", "cognito"];

    /// <summary>Cognito prefix domain: <c>https://{prefix}.auth.{region}.amazoncognito.com</c>. Give this or <see cref="CustomDomain"/>.</summary>
    public string? DomainPrefix { get; init; }

    /// <summary>Your own domain for the hosted pages. Give this or <see cref="DomainPrefix"/>.</summary>
    public CustomSignInDomain? CustomDomain { get; init; }

    /// <summary>Resource server identifier; scopes are <c>{identifier}/read|write|admin</c>. Default "identitystack".</summary>
    public string ResourceServerIdentifier { get; init; } = DefaultResourceServerIdentifier;

    /// <summary>The resource server identifier unless <see cref="ResourceServerIdentifier"/> says otherwise.</summary>
    public const string DefaultResourceServerIdentifier = "identitystack";

    /// <summary>Where the SPA and server clients may send users after sign-in: absolute https URLs without '#' (http only on localhost); at least one.</summary>
    public required IReadOnlyList<string> CallbackUrls { get; init; }

    /// <summary>Where they may send users after sign-out (same rules); at least one.</summary>
    public required IReadOnlyList<string> LogoutUrls { get; init; }

    /// <summary>Let the SPA client sign in with USER_PASSWORD_AUTH (test tools, emulators). Never in production. Default false.</summary>
    public bool AllowPasswordAuth { get; init; }

    /// <summary>Whether this sign-in serves production: then no password auth flow and only https, non-localhost callback and logout URLs (<see cref="ProductionPolicy"/>). Default false.</summary>
    public bool Production { get; init; }

    /// <summary>Access token lifetime (5 minutes to 1 day). Default 60 minutes.</summary>
    public Duration AccessTokenValidity { get; init; } = Duration.Minutes(60);

    /// <summary>ID token lifetime (5 minutes to 1 day). Default 60 minutes.</summary>
    public Duration IdTokenValidity { get; init; } = Duration.Minutes(60);

    /// <summary>Refresh token lifetime (60 minutes to 3650 days, and not shorter than the other tokens'). Default 30 days.</summary>
    public Duration RefreshTokenValidity { get; init; } = Duration.Days(30);

    /// <summary>How long a rotated-out refresh token stays valid, for client retries (0-60 s). Default 10 s.</summary>
    public int RefreshTokenRotationGraceSeconds { get; init; } = 10;

    /// <summary>
    /// How users may start signing in (choice-based sign-in): PASSWORD always, plus one-time codes by
    /// email or SMS and passkeys. Beyond a password, the pool gets the sign-in policy, passkeys their
    /// relying party (the sign-in domain), and the SPA client <c>ALLOW_USER_AUTH</c>. Default: password only.
    /// </summary>
    public IReadOnlyList<FirstAuthFactor> FirstFactors { get; init; } = [FirstAuthFactor.Password];

    /// <summary>Whether passkeys must verify their user (only with <see cref="FirstAuthFactor.WebAuthn"/>). Default required.</summary>
    public PasskeyUserVerification PasskeyUserVerification { get; init; } = PasskeyUserVerification.Required;

    /// <summary>
    /// Machine-to-machine clients besides the default one (at most <see cref="MachineClientDefinition.MaxCount"/>,
    /// unique names), each with its tenant and scopes. Their tokens reach the pre token generation
    /// trigger (event version 3) once <see cref="Triggers.MachineClientRegistry"/> has registered them. Default none.
    /// </summary>
    public IReadOnlyList<MachineClientDefinition> MachineClients { get; init; } = [];

    /// <summary>Managed login (default) or the classic hosted UI.</summary>
    public HostedUiStyle Ui { get; init; } = HostedUiStyle.ManagedLogin;

    /// <summary>CSS for the classic hosted UI (checked with <see cref="ClassicHostedUiCss"/>); only with <see cref="HostedUiStyle.Classic"/>.</summary>
    public string? ClassicCss { get; init; }

    /// <summary>
    /// The classic hosted UI's logo; only with <see cref="HostedUiStyle.Classic"/>. Needs
    /// <see cref="HostedSignInProps.CustomizationBinary"/>: CloudFormation cannot set a logo, a custom resource does.
    /// </summary>
    public ClassicHostedUiLogo? ClassicLogo { get; init; }

    /// <summary>
    /// The managed login look (settings and images) for the SPA and server clients; only with
    /// <see cref="HostedUiStyle.ManagedLogin"/>. Default null: Cognito's own look.
    /// </summary>
    public ManagedLoginStyle? ManagedLoginStyle { get; init; }

    /// <summary>
    /// Every problem of these settings at once (empty when there are none): the production rules, one
    /// valid domain, URLs, token lifetimes, and a look that fits the hosted UI.
    /// </summary>
    public virtual IReadOnlyList<PropsProblem> Problems()
    {
        var problems = new List<PropsProblem>();
        problems.AddRange(DomainProblems());
        if (string.IsNullOrEmpty(ResourceServerIdentifier) || !ResourceServerIdentifierPattern().IsMatch(ResourceServerIdentifier))
        {
            problems.Add(new(nameof(ResourceServerIdentifier), PropsProblem.Quoted(ResourceServerIdentifier), "use 1-256 characters without spaces, quotes or backslashes, e.g. \"identitystack\" or \"https://api.example.com\"."));
        }

        UrlProblems(problems, nameof(CallbackUrls), CallbackUrls, "https://app.example.com/callback");
        UrlProblems(problems, nameof(LogoutUrls), LogoutUrls, "https://app.example.com/");
        problems.AddRange(ValidityProblems());
        if (RefreshTokenRotationGraceSeconds is < 0 or > 60)
        {
            problems.Add(new(nameof(RefreshTokenRotationGraceSeconds), RefreshTokenRotationGraceSeconds.ToString(CultureInfo.InvariantCulture), "use 0 to 60 seconds."));
        }

        if (Production)
        {
            problems.AddRange(ProductionPolicy.SignInProblems(this));
        }

        problems.AddRange(FirstAuthFactorRules.Problems(nameof(FirstFactors), FirstFactors, Ui));
        problems.AddRange(MachineClientProblems());

        problems.AddRange(Ui == HostedUiStyle.Classic ? ClassicLookProblems() : ManagedLookProblems());
        return problems;
    }

    private IEnumerable<PropsProblem> MachineClientProblems()
    {
        var clients = MachineClients ?? [];
        if (clients.Count > MachineClientDefinition.MaxCount)
        {
            yield return new(nameof(MachineClients), clients.Count.ToString(CultureInfo.InvariantCulture) + " clients", $"define at most {MachineClientDefinition.MaxCount}; share a client between programs of the same tenant and scopes.");
        }

        foreach (var problem in PropsProblem.OfNamedItems(
            nameof(MachineClients), clients, c => c.Problems(), c => c.Name,
            "give each machine client a name and scopes, e.g. { Name = \"billing-export\", Scopes = [\"read\"] }.",
            "another machine client has this name; give each a name of its own."))
        {
            yield return problem;
        }
    }

    private IEnumerable<PropsProblem> DomainProblems()
    {
        if ((DomainPrefix is null) == (CustomDomain is null))
        {
            yield return new(nameof(DomainPrefix), DomainPrefix is null ? "missing" : "(both set)", "give exactly one of DomainPrefix (a Cognito domain) and CustomDomain (your own).");
        }

        if (DomainPrefix is { } prefix)
        {
            if (!DomainPrefixPattern().IsMatch(prefix))
            {
                yield return new(nameof(DomainPrefix), PropsProblem.Quoted(prefix), "use 1-63 lower-case letters, digits or hyphens, not starting or ending with a hyphen, e.g. \"acme-identity-dev\".");
            }
            else if (ReservedPrefixWords.FirstOrDefault(w => prefix.Contains(w, StringComparison.Ordinal)) is { } reserved)
            {
                yield return new(nameof(DomainPrefix), PropsProblem.Quoted(prefix), $"Cognito refuses prefixes containing '{reserved}'; choose another, e.g. \"acme-identity-dev\".");
            }
        }

        foreach (var problem in CustomDomain?.Problems() ?? [])
        {
            yield return problem.Under(nameof(CustomDomain));
        }
    }

    private static void UrlProblems(List<PropsProblem> problems, string property, IReadOnlyList<string>? urls, string example)
    {
        if (urls is null || urls.Count == 0)
        {
            problems.Add(new(property, "none", $"list at least one URL, e.g. [\"{example}\"]."));
            return;
        }

        for (var i = 0; i < urls.Count; i++)
        {
            if (!IsRedirectUrl(urls[i]))
            {
                problems.Add(new(string.Create(CultureInfo.InvariantCulture, $"{property}[{i}]"), PropsProblem.Quoted(urls[i]), $"use an absolute https URL without '#' (http is allowed only for localhost), e.g. \"{example}\"."));
            }
        }
    }

    /// <summary>An absolute https URL (http only on a loopback host) without a fragment: what Cognito redirects to.</summary>
    private static bool IsRedirectUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Fragment.Length == 0
        && (string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal)
            || (string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal) && uri.IsLoopback));

    private IEnumerable<PropsProblem> ValidityProblems()
    {
        foreach (var (property, value, (shortest, longest)) in new[]
        {
            (nameof(AccessTokenValidity), AccessTokenValidity, TokenValidityLimits),
            (nameof(IdTokenValidity), IdTokenValidity, TokenValidityLimits),
            (nameof(RefreshTokenValidity), RefreshTokenValidity, RefreshTokenValidityLimits),
        })
        {
            if (value is null || value.ToSeconds() < shortest.ToSeconds() || value.ToSeconds() > longest.ToSeconds())
            {
                yield return new(property, value?.ToHumanString() ?? "null", $"use from {shortest.ToHumanString()} to {longest.ToHumanString()}.");
            }
        }

        if (AccessTokenValidity is not null && IdTokenValidity is not null && RefreshTokenValidity is not null
            && RefreshTokenValidity.ToSeconds() < Math.Max(AccessTokenValidity.ToSeconds(), IdTokenValidity.ToSeconds()))
        {
            yield return new(nameof(RefreshTokenValidity), RefreshTokenValidity.ToHumanString(), "a refresh token must live at least as long as the access and ID tokens it renews.");
        }
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

        if (ClassicLogo?.Problems() is { Count: > 0 } image)
        {
            yield return new(nameof(ClassicLogo), "(the image)", string.Join(" ", image));
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

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex DomainPrefixPattern();

    [GeneratedRegex("^[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,256}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex ResourceServerIdentifierPattern();
}
