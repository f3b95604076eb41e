using Amazon.CDK.AWS.Lambda;

namespace IdentityStack.Constructs.Functions;

/// <summary>
/// The platform's Native AOT binary and the CPU it was built for, as one value: a function gets
/// both from here, so it can never pair an arm64 binary with an x86_64 function (which fails only
/// at invocation, with an exec format error).
/// </summary>
/// <param name="Code">The Lambda code holding <c>bootstrap</c>.</param>
/// <param name="Architecture">The CPU <paramref name="Code"/> was built for.</param>
public sealed record NativeAotBinary(Code Code, Architecture Architecture)
{
    /// <summary>Built from source during synthesis (needs the Native AOT toolchain), for the build's architecture.</summary>
    public static NativeAotBinary FromProject(NativeAotBuild build)
    {
        ArgumentNullException.ThrowIfNull(build);
        return new(NativeAotCode.FromProject(build), build.Architecture);
    }

    /// <summary>The prebuilt binary shipped in the NuGet package (no toolchain needed). Default arm64.</summary>
    public static NativeAotBinary Prebuilt(Architecture? architecture = null, string? baseDirectory = null)
    {
        var cpu = architecture ?? Architecture.ARM_64;
        return new(PrebuiltBootstrap.Code(cpu, baseDirectory), cpu);
    }
}
