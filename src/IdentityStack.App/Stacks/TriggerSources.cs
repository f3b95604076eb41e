using Amazon.CDK.AWS.Lambda;
using IdentityStack.App.Configuration;
using IdentityStack.Constructs.Functions;

namespace IdentityStack.App.Stacks;

/// <summary>Where the trigger binary's sources are in this repository, and how to build them for a stage.</summary>
internal static class TriggerSources
{
    private const string TriggersDirectory = "lambda-triggers";
    private const string TriggersProject = TriggersDirectory + "/IdentityStack.Triggers/IdentityStack.Triggers.csproj";
    private static readonly string[] BuildInputs = ["Directory.Build.props", "Directory.Packages.props", "global.json"];

    /// <summary>The build of the trigger binary for <paramref name="architecture"/>, from the repository holding IdentityStack.sln.</summary>
    public static NativeAotBuild For(TriggerArchitecture architecture)
    {
        var root = RepositoryLayout.Root;
        return new NativeAotBuild
        {
            ProjectFile = Path.Combine(root, TriggersProject),
            SourceDirectories = [Path.Combine(root, TriggersDirectory)],
            SourceFiles = [.. BuildInputs.Select(f => Path.Combine(root, f))],
            Architecture = architecture == TriggerArchitecture.X86_64 ? Architecture.X86_64 : Architecture.ARM_64,
        };
    }
}
