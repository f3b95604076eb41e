using System.Diagnostics;
using System.Text.RegularExpressions;

namespace IdentityStack.Triggers.ContractTests;

/// <summary>The binary runs on provided.al2023: no glibc symbol newer than 2.34, no ICU, one self-contained file.</summary>
public sealed partial class BinaryCompatibilityTests
{
    private static readonly Version AmazonLinux2023Glibc = new(2, 34);

    private static string Run(string tool, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { UseShellExecute = false, RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed on {PublishedBootstrap.Path}");
        return output;
    }

    [Fact]
    public void The_newest_glibc_symbol_is_at_most_2_34()
    {
        PublishedBootstrap.AssertPublished();

        var versions = GlibcVersion().Matches(Run("objdump", "-T", PublishedBootstrap.Path))
            .Select(m => Version.Parse(m.Groups["v"].Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(versions);
        Assert.True(versions.Max() <= AmazonLinux2023Glibc, $"bootstrap needs GLIBC_{versions.Max()}, Amazon Linux 2023 has {AmazonLinux2023Glibc}");
    }

    [Fact]
    public void It_needs_no_icu_and_no_dotnet_runtime()
    {
        PublishedBootstrap.AssertPublished();

        var needed = NeededLibrary().Matches(Run("readelf", "-d", PublishedBootstrap.Path)).Select(m => m.Groups["lib"].Value).ToList();

        Assert.Contains(needed, lib => lib.StartsWith("libc.so", StringComparison.Ordinal));
        Assert.DoesNotContain(needed, lib => lib.Contains("icu", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(needed, lib => lib.Contains("coreclr", StringComparison.OrdinalIgnoreCase) || lib.Contains("hostfxr", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"GLIBC_(?<v>[0-9]+\.[0-9]+(\.[0-9]+)?)", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex GlibcVersion();

    [GeneratedRegex(@"\(NEEDED\)\s+Shared library: \[(?<lib>[^\]]+)\]", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex NeededLibrary();
}
