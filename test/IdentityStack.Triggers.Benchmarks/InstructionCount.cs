using System.Globalization;
using System.Text.RegularExpressions;
using IdentityStack.Testing;

namespace IdentityStack.Triggers.Benchmarks;

/// <summary>
/// The user-space instructions a native contender executes from exec to exit, counted by valgrind's
/// callgrind: the same on every run, where this machine's timings are not, so a change of a few
/// per cent shows. Run once per contender after the timed rounds, as one more start of it under
/// valgrind; the binary is copied alone first, since valgrind cannot read the DWARF 5 of the
/// bootstrap.dbg beside it.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static partial class InstructionCount
{
    private const string Valgrind = "/usr/bin/valgrind";

    public static bool Available { get; } = File.Exists(Valgrind);

    public static async Task<long> MeasureAsync(Contender contender, RecordingDynamoDb dynamo)
    {
        var copy = System.IO.Directory.CreateTempSubdirectory("identitystack-callgrind-");
        try
        {
            var binary = Path.Combine(copy.FullName, Path.GetFileName(contender.Binary));
            File.Copy(contender.Binary, binary);
            File.SetUnixFileMode(binary, File.GetUnixFileMode(contender.Binary));
            var underValgrind = contender with
            {
                Label = contender.Label + " under callgrind",
                Start = () =>
                {
                    var start = contender.Start();
                    start.FileName = Valgrind;
                    start.ArgumentList.Insert(0, "--tool=callgrind");
                    start.ArgumentList.Insert(1, "--callgrind-out-file=/dev/null");
                    start.ArgumentList.Insert(2, binary);
                    return start;
                },
            };
            var run = await ColdStartRounds.StartOnceAsync(underValgrind, dynamo).ConfigureAwait(false);
            return Collected().Match(run.Stderr) is { Success: true } found
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
