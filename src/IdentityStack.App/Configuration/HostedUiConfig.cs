using IdentityStack.Constructs.SignIn;

namespace IdentityStack.App.Configuration;

/// <summary>How the hosted pages look: the UI and its CSS and logo (classic) or style (managed login).</summary>
internal sealed record HostedUiConfig(HostedUiStyle Ui, string? ClassicCss, ClassicHostedUiLogo? ClassicLogo, ManagedLoginStyle? ManagedLoginStyle);
