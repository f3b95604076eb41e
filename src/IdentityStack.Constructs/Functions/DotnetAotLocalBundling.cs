using System.Diagnostics;
using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;

namespace IdentityStack.Constructs.Functions;

/// <summary>
/// CDK local bundling for Native AOT: runs <c>dotnet publish</c> on this machine (no Docker) and puts
/// the single <c>bootstrap</c> file at the root of the asset, as <c>provided.al2023</c> expects.
/// </summary>
internal sealed class DotnetAotLocalBundling(NativeAotBuild build) : DeputyBase, ILocalBundling
{
    private const string BootstrapFile = "bootstrap";

    public bool TryBundle(string outputDir, IBundlingOptions options)
    {
        var publishDir = Directory.CreateTempSubdirectory("identitystack-aot-");
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[]
            {
                "publish", build.ProjectFile, "--configuration", "Release", "--runtime", build.RuntimeIdentifier,
                "--output", publishDir.FullName, "--nologo", "--verbosity", "quiet", "-p:StripSymbols=true",
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)
                ?? throw new InvalidOperationException("Could not start 'dotnet' to build the Native AOT bootstrap: is the .NET SDK on PATH?");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            var published = Path.Combine(publishDir.FullName, BootstrapFile);
            if (process.ExitCode != 0 || !File.Exists(published))
            {
                throw new InvalidOperationException(
                    $"Native AOT build of {build.ProjectFile} for {build.RuntimeIdentifier} failed (exit {process.ExitCode}). "
                    + "It needs clang and zlib1g-dev, and for linux-arm64 on an x64 machine also gcc-aarch64-linux-gnu and binutils-aarch64-linux-gnu. "
                    + "Output:" + System.Environment.NewLine + stdout.Result + stderr);
            }

            File.Copy(published, Path.Combine(outputDir, BootstrapFile), overwrite: true);
            return true;
        }
        finally
        {
            publishDir.Delete(recursive: true);
        }
    }
}
