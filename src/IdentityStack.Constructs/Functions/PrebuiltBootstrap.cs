using Amazon.CDK.AWS.Lambda;

namespace IdentityStack.Constructs.Functions;

/// <summary>
/// The platform's trigger and API binary as it ships inside the IdentityStack.Constructs package:
/// Native AOT <c>bootstrap</c> executables for linux-arm64 and linux-x64, copied next to the
/// consuming app by the package's build targets (folder <see cref="FolderName"/>). For apps that
/// build the binary from source, see <see cref="NativeAotCode.FromProject"/>.
/// </summary>
public static class PrebuiltBootstrap
{
    /// <summary>The folder next to the app's assembly that holds one folder per runtime id.</summary>
    public const string FolderName = "identitystack-lambda";

    /// <summary>The folder inside <see cref="FolderName"/> with the binaries without the AWS SDK, one folder per runtime id.</summary>
    public const string WithoutAwsFolderName = "without-aws";

    private const UnixFileMode Executable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>
    /// Lambda code of the packaged <c>bootstrap</c> for <paramref name="architecture"/> (handlers:
    /// <c>IdentityStack.Triggers.Contract.TriggerHandlerNames</c> and <c>ApiHandlerNames</c>).
    /// </summary>
    /// <param name="architecture">arm64 (default) or x86_64; the function must use the same.</param>
    /// <param name="baseDirectory">Where to look; default the app's own folder.</param>
    public static AssetCode Code(Architecture? architecture = null, string? baseDirectory = null) =>
        CodeIn(baseDirectory, "", architecture);

    /// <summary>
    /// Lambda code of the packaged binary without the AWS SDK for <paramref name="architecture"/>
    /// (handlers: <c>TriggerHandlerNames.WithoutAws</c>).
    /// </summary>
    /// <param name="architecture">arm64 (default) or x86_64; the function must use the same.</param>
    /// <param name="baseDirectory">Where to look; default the app's own folder.</param>
    public static AssetCode CodeWithoutAws(Architecture? architecture = null, string? baseDirectory = null) =>
        CodeIn(baseDirectory, WithoutAwsFolderName, architecture);

    private static AssetCode CodeIn(string? baseDirectory, string subfolder, Architecture? architecture)
    {
        var runtimeId = NativeAotBuild.RuntimeIdentifierOf(architecture ?? Architecture.ARM_64);
        var directory = Path.Combine(baseDirectory ?? AppContext.BaseDirectory, FolderName, subfolder, runtimeId);
        var bootstrap = Path.Combine(directory, "bootstrap");
        if (!File.Exists(bootstrap))
        {
            throw new FileNotFoundException(
                $"The prebuilt {runtimeId} bootstrap is not at {bootstrap}. It ships in the IdentityStack.Constructs package and is copied " +
                "there when the app is built with a PackageReference to it (dotnet build). Building this repository's app from source? " +
                "Use NativeAotCode.FromProject instead.",
                bootstrap);
        }

        // NuGet does not keep file modes when it extracts a package; Lambda runs bootstrap only if it is executable.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(bootstrap, Executable);
        }

        return Amazon.CDK.AWS.Lambda.Code.FromAsset(directory);
    }
}
