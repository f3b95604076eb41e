using System.Net;

namespace IdentityStack.Lambda.Runtime;

/// <summary>One answer of the Runtime API: status, headers (names case-insensitive), body, and whether the connection stays open.</summary>
internal sealed record RuntimeApiAnswer(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, byte[] Body, bool KeepAlive)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}
