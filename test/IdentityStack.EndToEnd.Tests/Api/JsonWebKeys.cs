using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace IdentityStack.EndToEnd.Tests.Api;

/// <summary>The RSA signing keys of an issuer's JWKS (<c>{issuer}/.well-known/jwks.json</c>), by key id.</summary>
internal sealed class JsonWebKeys
{
    private readonly Dictionary<string, RSAParameters> _keys;

    private JsonWebKeys(Dictionary<string, RSAParameters> keys) => _keys = keys;

    public static async Task<JsonWebKeys> FetchAsync(HttpClient http, string issuer)
    {
        var jwks = JsonNode.Parse(await http.GetStringAsync(new Uri(issuer + "/.well-known/jwks.json")).ConfigureAwait(false));
        var keys = new Dictionary<string, RSAParameters>(StringComparer.Ordinal);
        foreach (var key in (jwks?["keys"] as JsonArray ?? []).OfType<JsonObject>().Where(k => string.Equals((string?)k["kty"], "RSA", StringComparison.Ordinal)))
        {
            keys[(string?)key["kid"] ?? string.Empty] = new RSAParameters
            {
                Modulus = Base64Url.DecodeFromChars((string?)key["n"]),
                Exponent = Base64Url.DecodeFromChars((string?)key["e"]),
            };
        }

        return keys.Count > 0 ? new JsonWebKeys(keys) : throw new InvalidDataException($"{issuer} publishes no RSA keys.");
    }

    /// <summary>Whether the RS256 signature over "header.payload" is one of this key's.</summary>
    public bool Verifies(string? keyId, ReadOnlySpan<byte> signedPart, ReadOnlySpan<byte> signature)
    {
        if (keyId is null || !_keys.TryGetValue(keyId, out var parameters))
        {
            return false;
        }

        using var rsa = RSA.Create(parameters);
        return rsa.VerifyData(signedPart, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
