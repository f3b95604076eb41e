using System.Diagnostics;
using System.Text.RegularExpressions;

namespace IdentityStack.Triggers.ContractTests;

/// <summary>
/// Both binaries (the full one and the one without the AWS SDK) run on provided.al2023: no glibc
/// symbol newer than 2.34, no ICU, one self-contained file. Checked for both architectures: stages deploy the arm64 binary (the one synthesis built,
/// copied by ./build.sh test), the contract tests run the x64 one. The arm64 ELF is read with the
/// aarch64 cross binutils.
/// </summary>
public sealed partial class BinaryCompatibilityTests
{
    private static readonly Version AmazonLinux2023Glibc = new(2, 34);

    /// <summary>Runtime id, binutils prefix, the machine readelf names in the ELF header, and which binary (the full one, or the one without the AWS SDK).</summary>
    public static TheoryData<string, string, string, bool> Architectures => new()
    {
        { "linux-x64", string.Empty, "Advanced Micro Devices X86-64", false },
        { "linux-arm64", "aarch64-linux-gnu-", "AArch64", false },
        { "linux-x64", string.Empty, "Advanced Micro Devices X86-64", true },
        { "linux-arm64", "aarch64-linux-gnu-", "AArch64", true },
    };

    private static string Run(string tool, string binary, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, [.. arguments, binary]) { UseShellExecute = false, RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed on {binary}");
        return output;
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void It_is_an_ELF_executable_for_its_architecture(string runtimeIdentifier, string binutils, string machine, bool withoutAws)
    {
        var binary = PublishedBootstrap.AssertPublished(runtimeIdentifier, withoutAws);

        var header = Run(binutils + "readelf", binary, "-h");

        Assert.Matches(@"Machine:\s+" + Regex.Escape(machine), header);
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void The_newest_glibc_symbol_is_at_most_2_34(string runtimeIdentifier, string binutils, string machine, bool withoutAws)
    {
        _ = machine;
        var binary = PublishedBootstrap.AssertPublished(runtimeIdentifier, withoutAws);

        var versions = GlibcVersion().Matches(Run(binutils + "objdump", binary, "-T"))
            .Select(m => Version.Parse(m.Groups["v"].Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(versions);
        Assert.True(versions.Max() <= AmazonLinux2023Glibc, $"{runtimeIdentifier} bootstrap needs GLIBC_{versions.Max()}, Amazon Linux 2023 has {AmazonLinux2023Glibc}");
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void It_needs_no_icu_and_no_dotnet_runtime(string runtimeIdentifier, string binutils, string machine, bool withoutAws)
    {
        _ = machine;
        var binary = PublishedBootstrap.AssertPublished(runtimeIdentifier, withoutAws);

        var needed = NeededLibrary().Matches(Run(binutils + "readelf", binary, "-d")).Select(m => m.Groups["lib"].Value).ToList();

        Assert.Contains(needed, lib => lib.StartsWith("libc.so", StringComparison.Ordinal));
        Assert.DoesNotContain(needed, lib => lib.Contains("icu", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(needed, lib => lib.Contains("coreclr", StringComparison.OrdinalIgnoreCase) || lib.Contains("hostfxr", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"GLIBC_(?<v>[0-9]+\.[0-9]+(\.[0-9]+)?)", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex GlibcVersion();

    [GeneratedRegex(@"\(NEEDED\)\s+Shared library: \[(?<lib>[^\]]+)\]", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex NeededLibrary();
}
