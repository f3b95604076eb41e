namespace IdentityStack.Triggers.CustomResources;

/// <summary>What the function PUTs to the pre-signed ResponseURL.</summary>
internal sealed record CustomResourceResponse
{
    public required string Status { get; init; }

    public string? Reason { get; init; }

    public required string PhysicalResourceId { get; init; }

    public string? StackId { get; init; }

    public string? RequestId { get; init; }

    public string? LogicalResourceId { get; init; }
}
