namespace IdentityStack.Constructs.SignIn;

/// <summary>The classic hosted UI's logo: a PNG or JPEG of at most 100 KB, as Cognito requires.</summary>
public sealed record ClassicHostedUiLogo
{
    /// <summary>Cognito's limit for the classic UI's image file.</summary>
    public const int MaxBytes = 100 * 1024;

    /// <summary>The image file.</summary>
    public required ReadOnlyMemory<byte> Content { get; init; }

    /// <summary>What is wrong with the logo, one sentence each, or nothing.</summary>
    public IReadOnlyList<string> Problems()
    {
        var bytes = Content.Span;
        if (bytes.Length > MaxBytes)
        {
            return [$"the logo has {bytes.Length} bytes; Cognito takes at most {MaxBytes} (100 KB). Shrink it."];
        }

        return ImageContent.Is(ManagedLoginImageType.Png, bytes) || ImageContent.Is(ManagedLoginImageType.Jpeg, bytes) ? [] : ["the logo is not a PNG or JPEG image; the classic hosted UI takes only those."];
    }

    /// <summary>The logo as SetUICustomization's ImageFile (base64).</summary>
    public string ToBase64() => Convert.ToBase64String(Content.Span);
}
