using System.Diagnostics;

namespace IdentityStack.Testing;

/// <summary>
/// A day-2 tool (identity-tenant, identity-restore: the real program, built next to the test) run as
/// a process against loopback stand-ins named by the SDKs' service endpoint variables, with
/// throwaway keys; <paramref name="input"/> is typed at its prompt.
/// </summary>
internal static class OperationsToolProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string tool, IReadOnlyDictionary<string, string> endpoints, IReadOnlyList<string> args, string? input = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, tool + ".dll"), .. args])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (name, url) in endpoints)
        {
            start.Environment[name] = url;
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIDOPERATIONSTEST";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "operations-test-secret";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input).ConfigureAwait(false);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }
}
