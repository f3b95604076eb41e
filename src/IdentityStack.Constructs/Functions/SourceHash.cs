using System.Security.Cryptography;
using System.Text;

namespace IdentityStack.Constructs.Functions;

/// <summary>
/// A content hash of the sources a build reads, so an asset is rebuilt only when they change.
/// bin/ and obj/ are skipped; file paths (relative, '/'-separated) and contents both count.
/// </summary>
public static class SourceHash
{
    private static readonly string[] SkippedDirectories = ["bin", "obj", "node_modules", ".git"];

    /// <summary>Hash of every file under <paramref name="directories"/>, of <paramref name="files"/>, and of <paramref name="salt"/> (e.g. runtime id).</summary>
    public static string Compute(IEnumerable<string> directories, IEnumerable<string> files, string salt)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(files);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(salt));
        var all = directories
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(dir, f).Split(Path.DirectorySeparatorChar).Any(part => SkippedDirectories.Contains(part, StringComparer.Ordinal)))
                .Select(f => (Key: Path.GetFileName(Path.GetFullPath(dir)) + "/" + Path.GetRelativePath(dir, f).Replace('\\', '/'), Path: f)))
            .Concat(files.Select(f => (Key: Path.GetFileName(f), Path: f)))
            .OrderBy(f => f.Key, StringComparer.Ordinal);
        foreach (var (key, path) in all)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(key + "\n"));
            hash.AppendData(File.ReadAllBytes(path));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
