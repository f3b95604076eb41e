namespace IdentityStack.Triggers.Api;

/// <summary><c>requestContext.http</c>.</summary>
internal sealed record HttpApiHttp
{
    public string? Method { get; init; }

    public string? Path { get; init; }
}
