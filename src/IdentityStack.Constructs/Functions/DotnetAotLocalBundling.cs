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
    private const string BuildLogFile = "aot-build.log";
    private const int ErrorLinesShown = 8;

    public bool TryBundle(string outputDir, IBundlingOptions options)
    {
        if (NativeAotToolchain.Missing(build.RuntimeIdentifier, System.Environment.GetEnvironmentVariable("PATH")) is { } missing)
        {
            throw new InvalidOperationException(missing);
        }

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
                var output = stdout.Result + stderr;
                var log = Path.Combine(outputDir, BuildLogFile);
                File.WriteAllText(log, output);
                throw new InvalidOperationException(
                    $"Native AOT build of {build.ProjectFile} for {build.RuntimeIdentifier} failed (exit {process.ExitCode}): "
                    + string.Join(System.Environment.NewLine, ErrorLines(output))
                    + System.Environment.NewLine + $"The whole build output is in {BuildLogFile} in the bundle output folder named above. "
                    + $"The build needs the Debian packages {NativeAotToolchain.DebianPackages} (./build.sh synth installs them).");
            }

            File.Copy(published, Path.Combine(outputDir, BootstrapFile), overwrite: true);
            return true;
        }
        finally
        {
            publishDir.Delete(recursive: true);
        }
    }

    /// <summary>The compiler's and linker's error lines (without MSBuild's project suffix), or the last lines when none is marked.</summary>
    private static IEnumerable<string> ErrorLines(string output)
    {
        var lines = output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var errors = lines.Where(line => line.Contains(" error ", StringComparison.OrdinalIgnoreCase) || line.Contains("error:", StringComparison.OrdinalIgnoreCase))
            .Select(line => line.Length > 400 ? line[..400] + "..." : line)
            .Distinct(StringComparer.Ordinal)
            .Take(ErrorLinesShown)
            .ToList();
        return errors.Count > 0 ? errors : lines.TakeLast(ErrorLinesShown);
    }
}
