using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;

namespace IdentityStack.Constructs.Functions;

/// <summary>Lambda code for a Native AOT build: built locally during synthesis, cached by source hash.</summary>
public static class NativeAotCode
{
    /// <summary>
    /// The asset of <paramref name="build"/>. Its hash comes from the sources, the runtime id and the
    /// project built from them, so an unchanged build is not repeated, every function sharing the
    /// build shares one asset, and two executables of the same sources get assets of their own.
    /// </summary>
    public static AssetCode FromProject(NativeAotBuild build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(build.ProjectFile))!;
        return Code.FromAsset(projectDirectory, new Amazon.CDK.AWS.S3.Assets.AssetOptions
        {
            AssetHashType = AssetHashType.CUSTOM,
            AssetHash = SourceHash.Compute(build.SourceDirectories, build.SourceFiles, build.RuntimeIdentifier + "/" + Path.GetFileName(build.ProjectFile)),
            Bundling = new BundlingOptions
            {
                Local = new DotnetAotLocalBundling(build),
                // Only used when local bundling declines, which it never does: it builds or fails with the reason.
                Image = DockerImage.FromRegistry("public.ecr.aws/sam/build-provided.al2023"),
                OutputType = BundlingOutput.NOT_ARCHIVED,
            },
        });
    }
}
