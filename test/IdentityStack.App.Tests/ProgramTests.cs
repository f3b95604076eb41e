using System.Diagnostics;
using IdentityStack.App.Tests.Fixtures;

namespace IdentityStack.App.Tests;

/// <summary>Runs the real app process the way the CDK CLI does (context in CDK_CONTEXT_JSON).</summary>
public sealed class ProgramTests
{
    [Fact]
    public async Task Bad_configuration_exits_1_with_one_line_per_problem_and_no_stack_trace()
    {
        var (exitCode, stdout, stderr) = await RunAppAsync("""
            { "stage": "prod", "stages": { "prod": { "region": "mars", "mfa": "SOMETIMES" } } }
            """);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, stdout.Trim());
        Assert.Contains("stages.prod.region = \"mars\": use an AWS region code", stderr, StringComparison.Ordinal);
        Assert.Contains("stages.prod.mfa = \"SOMETIMES\": use one of OFF, OPTIONAL, REQUIRED.", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_stage_exits_1_naming_the_valid_stages()
    {
        var (exitCode, _, stderr) = await RunAppAsync("""
            { "stage": "qa", "stages": { "dev": { "region": "eu-west-1" }, "prod": { "region": "eu-west-1" } } }
            """);

        Assert.Equal(1, exitCode);
        Assert.Contains("stage = \"qa\": unknown stage; valid stages are dev, prod (or 'all')", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAppAsync(string contextJson)
    {
        var outdir = Directory.CreateTempSubdirectory("identitystack-app-");
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "IdentityStack.App.dll")])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepositoryFiles.Root,
            };
            start.Environment["CDK_CONTEXT_JSON"] = contextJson;
            start.Environment["CDK_OUTDIR"] = outdir.FullName;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            outdir.Delete(recursive: true);
        }
    }
}
