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
    /// <summary>
    /// The smaller binary of the same sources without the AWS SDK, for the handlers that call no AWS
    /// service (<see cref="IdentityStack.Triggers.Contract.TriggerHandlerNames.WithoutAws"/>); same CPU.
    /// Null: every handler runs on <see cref="Code"/>.
    /// </summary>
    public NativeAotBinary? WithoutAws { get; init; }

    /// <summary>The binary that serves <paramref name="handler"/>: <see cref="WithoutAws"/> for a handler that calls no AWS service, when there is one; else this.</summary>
    public NativeAotBinary For(string handler) =>
        WithoutAws is not null && IdentityStack.Triggers.Contract.TriggerHandlerNames.WithoutAws.Contains(handler, StringComparer.Ordinal) ? WithoutAws : this;

    /// <summary>
    /// Both binaries built from source during synthesis: <paramref name="full"/> for every handler and
    /// <paramref name="withoutAws"/> for those that call no AWS service. Both must target one CPU.
    /// </summary>
    public static NativeAotBinary FromProjects(NativeAotBuild full, NativeAotBuild withoutAws)
    {
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(withoutAws);
        if (!string.Equals(full.RuntimeIdentifier, withoutAws.RuntimeIdentifier, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The binary without the AWS SDK is built for {withoutAws.RuntimeIdentifier} and the full one for {full.RuntimeIdentifier}; build both for one CPU.", nameof(withoutAws));
        }

        return FromProject(full) with { WithoutAws = FromProject(withoutAws) };
    }

    /// <summary>Built from source during synthesis (needs the Native AOT toolchain), for the build's architecture.</summary>
    public static NativeAotBinary FromProject(NativeAotBuild build)
    {
        ArgumentNullException.ThrowIfNull(build);
        return new(NativeAotCode.FromProject(build), build.Architecture);
    }

    /// <summary>The prebuilt binaries shipped in the NuGet package, both of them (no toolchain needed). Default arm64.</summary>
    public static NativeAotBinary Prebuilt(Architecture? architecture = null, string? baseDirectory = null)
    {
        var cpu = architecture ?? Architecture.ARM_64;
        return new(PrebuiltBootstrap.Code(cpu, baseDirectory), cpu) { WithoutAws = new(PrebuiltBootstrap.CodeWithoutAws(cpu, baseDirectory), cpu) };
    }
}
