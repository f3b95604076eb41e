namespace IdentityStack.Triggers.Api;

/// <summary>The parts of an API Gateway HTTP API payload v2.0 event the backend reads.</summary>
internal sealed record HttpApiRequest
{
    public string? Version { get; init; }

    public string? RouteKey { get; init; }

    public string? RawPath { get; init; }

    public string? Body { get; init; }

    public IDictionary<string, string>? QueryStringParameters { get; init; }

    public bool IsBase64Encoded { get; init; }

    public HttpApiRequestContext? RequestContext { get; init; }
}
