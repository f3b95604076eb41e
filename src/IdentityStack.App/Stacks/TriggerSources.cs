using Amazon.CDK.AWS.Lambda;
using IdentityStack.App.Configuration;
using IdentityStack.Constructs.Functions;

namespace IdentityStack.App.Stacks;

/// <summary>Where the trigger binaries' sources are in this repository (one source tree, two executables), and how to build them for a stage.</summary>
internal static class TriggerSources
{
    private const string TriggersDirectory = "lambda-triggers";
    private const string TriggersProject = TriggersDirectory + "/IdentityStack.Triggers/IdentityStack.Triggers.csproj";
    private const string WithoutAwsProject = TriggersDirectory + "/IdentityStack.Triggers.WithoutAws/IdentityStack.Triggers.WithoutAws.csproj";
    private static readonly string[] BuildInputs = ["Directory.Build.props", "Directory.Packages.props", "global.json"];

    /// <summary>The platform's binaries for <paramref name="architecture"/>: the full one, and the one without the AWS SDK for the handlers that call no AWS service.</summary>
    public static NativeAotBinary Binary(TriggerArchitecture architecture) =>
        NativeAotBinary.FromProjects(For(architecture, TriggersProject), For(architecture, WithoutAwsProject));

    private static NativeAotBuild For(TriggerArchitecture architecture, string project)
    {
        var root = RepositoryLayout.Root;
        return new NativeAotBuild
        {
            ProjectFile = Path.Combine(root, project),
            SourceDirectories = [Path.Combine(root, TriggersDirectory)],
            SourceFiles = [.. BuildInputs.Select(f => Path.Combine(root, f))],
            Architecture = architecture == TriggerArchitecture.X86_64 ? Architecture.X86_64 : Architecture.ARM_64,
        };
    }
}
