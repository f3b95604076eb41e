using System.Diagnostics;

namespace IdentityStack.Testing;

/// <summary>
/// How the tests start the Native AOT bootstrap as Lambda does: the Runtime API address, the
/// handler, a region and dummy credentials (calls go to loopback endpoints, never to AWS), then
/// the function's own environment.
/// </summary>
internal static class LambdaProcessStart
{
    public static ProcessStartInfo For(string bootstrap, string runtimeApi, string handler, IEnumerable<KeyValuePair<string, string>>? environment = null, bool captureOutput = true)
    {
        var start = new ProcessStartInfo(bootstrap)
        {
            UseShellExecute = false,
            RedirectStandardOutput = captureOutput,
            RedirectStandardError = captureOutput,
        };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        start.Environment["_HANDLER"] = handler;
        start.Environment["AWS_REGION"] = "eu-west-1";
        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "secret";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
