using System.Text.Json.Serialization;

namespace IdentityStack.Triggers.CustomResources;

/// <summary>A CloudFormation custom resource request (Create, Update or Delete) with its resource's properties.</summary>
internal sealed record CustomResourceEvent<TProperties>
    where TProperties : class
{
    public string? RequestType { get; init; }

    [JsonPropertyName("ResponseURL")]
    public string? ResponseUrl { get; init; }

    public string? StackId { get; init; }

    public string? RequestId { get; init; }

    public string? LogicalResourceId { get; init; }

    public string? PhysicalResourceId { get; init; }

    public TProperties? ResourceProperties { get; init; }
}
