namespace IdentityStack.EndToEnd.Tests.Api;

/// <summary>A route of the HTTP API as synthesized: its key ("GET /me"), whether the JWT authorizer guards it, its scopes, and the function its integration invokes.</summary>
internal sealed record HttpApiRoute(string RouteKey, bool RequiresJwt, IReadOnlyList<string> Scopes, Uri Invocations);
