namespace IdentityStack.EndToEnd.Tests.Api;

/// <summary>A route of the HTTP API as synthesized: its key ("GET /me"), whether the JWT authorizer guards it, and its scopes.</summary>
internal sealed record HttpApiRoute(string RouteKey, bool RequiresJwt, IReadOnlyList<string> Scopes);
