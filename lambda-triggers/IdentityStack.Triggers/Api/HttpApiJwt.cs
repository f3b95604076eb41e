namespace IdentityStack.Triggers.Api;

/// <summary><c>requestContext.authorizer.jwt</c>: the token's claims (every value a string) and scopes.</summary>
internal sealed record HttpApiJwt
{
    public Dictionary<string, string>? Claims { get; init; }

    public List<string>? Scopes { get; init; }
}
