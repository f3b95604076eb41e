using System.Diagnostics;

namespace IdentityStack.Testing;

/// <summary>
/// identity-tenant (the real program, built next to the test) run as a process against loopback
/// stand-ins: DynamoDB and STS through the SDK's service endpoint variables, with throwaway keys.
/// </summary>
internal static class TenantToolProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string dynamoDbUrl, string stsUrl, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "identity-tenant.dll"), .. args])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["AWS_ENDPOINT_URL_DYNAMODB"] = dynamoDbUrl;
        start.Environment["AWS_ENDPOINT_URL_STS"] = stsUrl;
        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIDTENANTTEST";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "tenant-test-secret";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }
}
