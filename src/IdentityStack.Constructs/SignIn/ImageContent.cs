using System.Text;

namespace IdentityStack.Constructs.SignIn;

/// <summary>Whether a file's bytes are of the image type it claims, by the format's signature.</summary>
internal static class ImageContent
{
    public static bool Is(ManagedLoginImageType type, ReadOnlySpan<byte> bytes) => type switch
    {
        ManagedLoginImageType.Png => bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ManagedLoginImageType.Jpeg => bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        ManagedLoginImageType.Ico => bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x01, 0x00]),
        ManagedLoginImageType.Webp => bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8),
        ManagedLoginImageType.Svg => Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 4096)]).Contains("<svg", StringComparison.Ordinal),
        _ => false,
    };
}
