namespace IdentityStack.Constructs.SignIn;

/// <summary>Which hosted sign-in pages the domain serves.</summary>
public enum HostedUiStyle
{
    /// <summary>Managed login (version 2), with a branding style for each user-facing client.</summary>
    ManagedLogin,

    /// <summary>The classic hosted UI (version 1), styled with a CSS file of Cognito's customizable classes.</summary>
    Classic,
}
