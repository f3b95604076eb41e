using System.Text.Json.Serialization;

namespace IdentityStack.Triggers.CustomResources;

/// <summary>Body of SetUICustomization.</summary>
internal sealed record SetUiCustomizationRequest
{
    public required string UserPoolId { get; init; }

    public required string ClientId { get; init; }

    [JsonPropertyName("CSS")]
    public string? Css { get; init; }

    public string? ImageFile { get; init; }
}
