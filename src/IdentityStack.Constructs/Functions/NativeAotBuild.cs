using Amazon.CDK.AWS.Lambda;

namespace IdentityStack.Constructs.Functions;

/// <summary>Where and how a .NET project is built into a Native AOT <c>bootstrap</c>.</summary>
public sealed record NativeAotBuild
{
    /// <summary>The executable project (its AssemblyName must be <c>bootstrap</c>, PublishAot on).</summary>
    public required string ProjectFile { get; init; }

    /// <summary>Directories whose files the build reads (the project and the projects it references); they make the asset hash.</summary>
    public required IReadOnlyList<string> SourceDirectories { get; init; }

    /// <summary>Single files the build also reads (Directory.Build.props, Directory.Packages.props, global.json).</summary>
    public IReadOnlyList<string> SourceFiles { get; init; } = [];

    /// <summary>Target CPU. Default arm64 (Graviton: cheaper per GB-second, and faster AOT cold starts).</summary>
    public Architecture Architecture { get; init; } = Architecture.ARM_64;

    /// <summary>The .NET runtime identifier of <see cref="Architecture"/>.</summary>
    public string RuntimeIdentifier => RuntimeIdentifierOf(Architecture);

    /// <summary>The .NET runtime identifier of a Lambda architecture: linux-x64 or linux-arm64.</summary>
    public static string RuntimeIdentifierOf(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return string.Equals(architecture.Name, Architecture.X86_64.Name, StringComparison.Ordinal) ? "linux-x64" : "linux-arm64";
    }
}
