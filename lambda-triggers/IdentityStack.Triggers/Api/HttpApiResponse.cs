namespace IdentityStack.Triggers.Api;

/// <summary>An HTTP API payload v2.0 response.</summary>
internal sealed record HttpApiResponse
{
    public required int StatusCode { get; init; }

    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.Ordinal) { ["content-type"] = "application/json" };

    public required string Body { get; init; }
}
