namespace IdentityStack.Smoke;

/// <summary>
/// <c>identity-smoke OUTPUTS_JSON STACK_NAME</c>: one line per check, then a verdict. Exit 0 when
/// every check passed, 1 when one failed, 2 for input it cannot run with (the message says why).
/// </summary>
internal static class SmokeProgram
{
    public const int Passed = 0;
    public const int CheckFailed = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<string, string?> environment, HttpMessageHandler? handler = null)
    {
        if (args.Length != 2)
        {
            await error.WriteLineAsync("usage: identity-smoke OUTPUTS_JSON STACK_NAME   (the file from 'cdk deploy --outputs-file')").ConfigureAwait(false);
            return BadInput;
        }

        using var http = new HttpClient(handler ?? new HttpClientHandler { AllowAutoRedirect = false }, disposeHandler: handler is null) { Timeout = TimeSpan.FromSeconds(15) };
        var failed = 0;
        var total = 0;
        try
        {
            var outputs = StackOutputs.Read(args[0], args[1]);
            var cognito = CognitoJsonClient.For(http, outputs["UserPoolId"], environment);
            await foreach (var check in new StageSmokeTest(http, cognito, outputs).RunAsync(CancellationToken.None).ConfigureAwait(false))
            {
                total++;
                failed += check.Passed ? 0 : 1;
                await output.WriteLineAsync(check.ToString()).ConfigureAwait(false);
            }
        }
        catch (SmokeInputException bad)
        {
            await error.WriteLineAsync("identity-smoke: " + bad.Message).ConfigureAwait(false);
            return BadInput;
        }

        await output.WriteLineAsync(failed == 0 ? $"verdict: PASS ({total} checks)" : $"verdict: FAIL ({failed} of {total} checks failed)").ConfigureAwait(false);
        return failed == 0 ? Passed : CheckFailed;
    }
}
