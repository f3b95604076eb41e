using System.Security.Cryptography;

namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>How a part is fingerprinted in the manifest: lower-case hex SHA-256 of its (gzip) bytes.</summary>
public static class SnapshotDigest
{
    /// <summary>The digest of <paramref name="content"/>.</summary>
    public static string Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
