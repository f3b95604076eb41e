namespace IdentityStack.Triggers.Api;

/// <summary><c>requestContext</c>: request id, method and path, and what the JWT authorizer let through.</summary>
internal sealed record HttpApiRequestContext
{
    public string? RequestId { get; init; }

    public HttpApiHttp? Http { get; init; }

    public HttpApiAuthorizer? Authorizer { get; init; }
}
