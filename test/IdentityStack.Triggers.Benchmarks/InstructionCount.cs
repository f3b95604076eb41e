using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using IdentityStack.Testing;

namespace IdentityStack.Triggers.Benchmarks;

/// <summary>
/// The user-space instructions a native contender executes from exec to exit, counted by valgrind's
/// callgrind: the same on every run, where this machine's timings are not, so a change of a few
/// per cent shows. Run once per contender after the timed rounds; the binary is copied alone first,
/// since valgrind cannot read the DWARF 5 of the bootstrap.dbg beside it.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static partial class InstructionCount
{
    public static bool Available { get; } = File.Exists("/usr/bin/valgrind");

    public static async Task<long> MeasureAsync(Contender contender, RecordingDynamoDb dynamo)
    {
        var copy = System.IO.Directory.CreateTempSubdirectory("identitystack-callgrind-");
        try
        {
            var start = contender.Start();
            var binary = Path.Combine(copy.FullName, Path.GetFileName(start.FileName));
            File.Copy(start.FileName, binary);
            File.SetUnixFileMode(binary, File.GetUnixFileMode(start.FileName));
            start.FileName = "/usr/bin/valgrind";
            start.ArgumentList.Insert(0, "--tool=callgrind");
            start.ArgumentList.Insert(1, "--callgrind-out-file=/dev/null");
            start.ArgumentList.Insert(2, binary);
            if (contender.Scenario?.DynamoDbAnswer is { } answer)
            {
                dynamo.Answer = answer;
            }

            await using var api = new FakeRuntimeApi();
            api.Enqueue("instructions", contender.Payload);
            start.Environment["AWS_LAMBDA_RUNTIME_API"] = api.HostAndPort;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
            var posted = api.Posted.ToArray();
            if (posted.Length != 1 || posted[0].Kind != ResultKind.Response)
            {
                throw new InvalidOperationException($"{contender.Label} under callgrind posted {(posted.Length == 0 ? "nothing" : posted[0].Kind.ToString())} instead of one response.");
            }

            return Collected().Match(await stderr.ConfigureAwait(false)) is { Success: true } found
                ? long.Parse(found.Groups["count"].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"callgrind printed no instruction count for {contender.Label}.");
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"Collected : (?<count>[0-9,]+)", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex Collected();
}
