namespace IdentityStack.Constructs.SignIn;

/// <summary>When managed login shows an image (CloudFormation <c>Assets[].ColorMode</c>).</summary>
public enum ManagedLoginColorMode
{
    /// <summary>LIGHT: only in light mode.</summary>
    Light,

    /// <summary>DARK: only when the browser is in dark mode.</summary>
    Dark,

    /// <summary>DYNAMIC: in both modes.</summary>
    Dynamic,
}
