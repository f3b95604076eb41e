namespace IdentityStack.Constructs.SignIn;

/// <summary>The file type of a managed login image (CloudFormation <c>Assets[].Extension</c>).</summary>
public enum ManagedLoginImageType
{
    /// <summary>ICO.</summary>
    Ico,

    /// <summary>JPEG.</summary>
    Jpeg,

    /// <summary>PNG.</summary>
    Png,

    /// <summary>SVG.</summary>
    Svg,

    /// <summary>WEBP.</summary>
    Webp,
}
