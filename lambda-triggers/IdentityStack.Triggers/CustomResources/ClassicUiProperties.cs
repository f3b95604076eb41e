namespace IdentityStack.Triggers.CustomResources;

/// <summary>The classic UI custom resource's properties.</summary>
internal sealed record ClassicUiProperties
{
    public string? UserPoolId { get; init; }

    public string? ClientId { get; init; }

    public string? Css { get; init; }

    /// <summary>The logo, base64 (PNG or JPEG, at most 100 KB).</summary>
    public string? ImageFile { get; init; }
}
