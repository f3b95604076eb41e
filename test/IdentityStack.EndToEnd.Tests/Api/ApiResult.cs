using System.Text.Json.Nodes;

namespace IdentityStack.EndToEnd.Tests.Api;

/// <summary>What a caller of the HTTP API gets back: status, JSON body, and why the authorizer decided as it did.</summary>
internal sealed record ApiResult(int Status, JsonNode? Body, string AuthorizerReason);
