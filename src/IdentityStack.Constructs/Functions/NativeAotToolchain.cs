using System.Runtime.InteropServices;

namespace IdentityStack.Constructs.Functions;

/// <summary>
/// The native tools a Native AOT publish links with, checked before the build starts so that a
/// machine without them gets one sentence naming what to install instead of a minute of building
/// and a linker error (without clang the SDK falls back to gcc, which rejects clang's
/// <c>--target</c> option for arm64).
/// </summary>
internal static class NativeAotToolchain
{
    private const string ArmCrossCompiler = "aarch64-linux-gnu-gcc";

    /// <summary>The Debian/Ubuntu packages that provide what a build for either architecture needs.</summary>
    public const string DebianPackages = "clang zlib1g-dev binutils gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross";

    /// <summary>Why this machine cannot build for <paramref name="runtimeIdentifier"/>, or null when the tools are there.</summary>
    public static string? Missing(string runtimeIdentifier, string? searchPath)
    {
        var missing = new List<string>();
        if (!OnPath("clang", searchPath))
        {
            missing.Add("clang");
        }

        var crossToArm = string.Equals(runtimeIdentifier, "linux-arm64", StringComparison.Ordinal)
            && RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.Arm64;
        if (crossToArm && !OnPath(ArmCrossCompiler, searchPath))
        {
            missing.Add(ArmCrossCompiler + " (to cross-compile for arm64)");
        }

        return missing.Count == 0
            ? null
            : $"the Native AOT build for {runtimeIdentifier} needs {string.Join(" and ", missing)}, which this machine lacks. "
              + $"Run ./build.sh synth (it installs them), or install them yourself: sudo apt-get install -y --no-install-recommends {DebianPackages}";
    }

    private static bool OnPath(string tool, string? searchPath) =>
        (searchPath ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, tool)));
}
