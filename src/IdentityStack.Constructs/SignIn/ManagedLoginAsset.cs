using System.Globalization;

namespace IdentityStack.Constructs.SignIn;

/// <summary>One image of a managed login style: a logo, background or icon for a colour mode.</summary>
public sealed record ManagedLoginAsset
{
    /// <summary>CloudFormation takes at most 1,000,000 base64 characters an image: 750,000 bytes.</summary>
    public const int MaxBytes = 750_000;

    /// <summary>Where the image is shown.</summary>
    public required ManagedLoginAssetCategory Category { get; init; }

    /// <summary>In which colour mode.</summary>
    public required ManagedLoginColorMode ColorMode { get; init; }

    /// <summary>The file type; must match the content.</summary>
    public required ManagedLoginImageType ImageType { get; init; }

    /// <summary>The image file.</summary>
    public required ReadOnlyMemory<byte> Content { get; init; }

    /// <summary>What is wrong with this image, one sentence each, or nothing.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Content.Length == 0)
        {
            problems.Add("the image is empty.");
        }
        else if (Content.Length > MaxBytes)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the image has {Content.Length} bytes; Cognito takes at most {MaxBytes}. Shrink or compress it."));
        }
        else if (!ImageContent.Is(ImageType, Content.Span))
        {
            problems.Add($"the content is not a {CloudFormationEnumName.Of(ImageType)} image; save it in that format or rename it to its real type.");
        }

        return problems;
    }

    /// <summary>The CloudFormation <c>AssetType</c> object.</summary>
    public IDictionary<string, object> ToCloudFormation() => new Dictionary<string, object>(StringComparer.Ordinal)
    {
        ["Category"] = CloudFormationEnumName.Of(Category),
        ["ColorMode"] = CloudFormationEnumName.Of(ColorMode),
        ["Extension"] = CloudFormationEnumName.Of(ImageType),
        ["Bytes"] = Convert.ToBase64String(Content.Span),
    };
}
