using System.IO.Compression;

namespace IdentityStack.Triggers.Benchmarks;

/// <summary>A binary's size as deployed: raw, and zipped alone as "bootstrap" at the smallest deflate size (as the function's code asset).</summary>
internal sealed record BinarySize(long Bytes, long ZippedBytes)
{
    public static BinarySize Of(string path)
    {
        var zipPath = Path.Combine(Path.GetTempPath(), $"identitystack-bench-{Guid.NewGuid():N}.zip");
        try
        {
            using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
            {
                zip.CreateEntryFromFile(path, "bootstrap", CompressionLevel.SmallestSize);
            }

            return new BinarySize(new FileInfo(path).Length, new FileInfo(zipPath).Length);
        }
        finally
        {
            File.Delete(zipPath);
        }
    }
}
