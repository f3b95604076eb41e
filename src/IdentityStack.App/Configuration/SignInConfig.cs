namespace IdentityStack.App.Configuration;

/// <summary>A stage's hosted sign-in: domain, client URLs and token lifetimes (<c>stages.{name}.signIn</c>).</summary>
internal sealed record SignInConfig
{
    /// <summary>Cognito prefix domain, or null when <see cref="CustomDomain"/> is set.</summary>
    public string? DomainPrefix { get; init; }

    /// <summary>Own domain for the hosted pages, or null.</summary>
    public IdentityStack.Constructs.SignIn.CustomSignInDomain? CustomDomain { get; init; }

    public required IReadOnlyList<string> CallbackUrls { get; init; }

    public required IReadOnlyList<string> LogoutUrls { get; init; }

    public bool AllowPasswordAuth { get; init; }

    /// <summary>Managed login or the classic hosted UI.</summary>
    public IdentityStack.Constructs.SignIn.HostedUiStyle Ui { get; init; }

    /// <summary>The classic UI's CSS (file content), when <see cref="Ui"/> is classic.</summary>
    public string? ClassicCss { get; init; }

    /// <summary>The classic UI's logo, when <see cref="Ui"/> is classic and a logo is configured.</summary>
    public IdentityStack.Constructs.SignIn.ClassicHostedUiLogo? ClassicLogo { get; init; }

    /// <summary>The managed login look from the stage's style folder, or null for Cognito's own.</summary>
    public IdentityStack.Constructs.SignIn.ManagedLoginStyle? ManagedLoginStyle { get; init; }

    /// <summary>Names of <c>federation</c> providers the user-facing clients offer.</summary>
    public IReadOnlyList<string> IdentityProviders { get; init; } = [];

    public int AccessTokenMinutes { get; init; } = 60;

    public int IdTokenMinutes { get; init; } = 60;

    public int RefreshTokenDays { get; init; } = 30;
}
