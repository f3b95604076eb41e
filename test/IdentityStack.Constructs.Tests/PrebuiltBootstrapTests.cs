namespace IdentityStack.Constructs.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes: Lambda's bootstrap is a Linux executable
public sealed class PrebuiltBootstrapTests
{
    private static string AppFolderWith(string runtimeId)
    {
        var app = Directory.CreateTempSubdirectory("prebuilt-").FullName;
        foreach (var subfolder in new[] { string.Empty, PrebuiltBootstrap.WithoutAwsFolderName })
        {
            var folder = Directory.CreateDirectory(Path.Combine(app, PrebuiltBootstrap.FolderName, subfolder, runtimeId)).FullName;
            File.WriteAllBytes(Path.Combine(folder, "bootstrap"), [0x7F, (byte)'E', (byte)'L', (byte)'F']);
            File.SetUnixFileMode(Path.Combine(folder, "bootstrap"), UnixFileMode.UserRead | UnixFileMode.UserWrite); // as NuGet extracts it
        }

        return app;
    }

    public static TheoryData<string, Architecture> Architectures => new() { { "linux-arm64", Architecture.ARM_64 }, { "linux-x64", Architecture.X86_64 } };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void The_architectures_bootstrap_is_used_and_made_executable(string runtimeId, Architecture architecture)
    {
        var app = AppFolderWith(runtimeId);

        var code = PrebuiltBootstrap.Code(architecture, app);

        Assert.Equal(Path.Combine(app, PrebuiltBootstrap.FolderName, runtimeId), code.Path);
        Assert.True(File.GetUnixFileMode(Path.Combine(code.Path, "bootstrap")).HasFlag(UnixFileMode.OtherExecute));
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void The_prebuilt_binary_pair_runs_the_aws_free_handlers_on_the_smaller_one(string runtimeId, Architecture architecture)
    {
        var app = AppFolderWith(runtimeId);

        var binary = NativeAotBinary.Prebuilt(architecture, app);

        // The full binary's folder must not hold the other one, or every function's asset would carry both.
        Assert.Equal(Path.Combine(app, PrebuiltBootstrap.FolderName, runtimeId), ((Amazon.CDK.AWS.Lambda.AssetCode)binary.Code).Path);
        Assert.Equal(Path.Combine(app, PrebuiltBootstrap.FolderName, PrebuiltBootstrap.WithoutAwsFolderName, runtimeId), ((Amazon.CDK.AWS.Lambda.AssetCode)binary.WithoutAws!.Code).Path);
        Assert.Same(binary.WithoutAws, binary.For(IdentityStack.Triggers.Contract.TriggerHandlerNames.PreSignUp));
        Assert.Same(binary, binary.For(IdentityStack.Triggers.Contract.TriggerHandlerNames.PreTokenGeneration));
        Assert.Equal(architecture.Name, binary.WithoutAws.Architecture.Name);
    }

    [Fact]
    public void A_missing_bootstrap_says_where_it_looked_and_what_to_do()
    {
        var app = AppFolderWith("linux-x64");

        var error = Assert.Throws<FileNotFoundException>(() => PrebuiltBootstrap.Code(Architecture.ARM_64, app));

        Assert.Contains(Path.Combine(app, PrebuiltBootstrap.FolderName, "linux-arm64", "bootstrap"), error.Message, StringComparison.Ordinal);
        Assert.Contains("NativeAotCode.FromProject", error.Message, StringComparison.Ordinal);
    }
}
