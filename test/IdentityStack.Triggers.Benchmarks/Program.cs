using System.Globalization;
using System.IO.Compression;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IdentityStack.Triggers.Benchmarks;

// Usage: IdentityStack.Triggers.Benchmarks <aot bootstrap> <jit bootstrap.dll> [runs]
// Prints the figures and one verdict line against the targets of the triggers issue.
if (args.Length < 2)
{
    await Console.Error.WriteLineAsync("usage: IdentityStack.Triggers.Benchmarks <aot bootstrap> <jit bootstrap.dll> [runs]").ConfigureAwait(false);
    return 2;
}

var aotPath = args[0];
var jitPath = args[1];
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 25;
const double ColdStartRatioTarget = 5;
const double ZippedMegabytesTarget = 6;
const double PeakRssMegabytesTarget = 40;
const double WarmMicrosecondsTarget = 20;

Console.WriteLine($"cold start: {runs} runs each, spawn -> first response posted (CustomMessage, no I/O)");
var aot = await ColdStart.MeasureAsync(aotPath, [], runs).ConfigureAwait(false);
var jit = await ColdStart.MeasureAsync("dotnet", [jitPath], runs).ConfigureAwait(false);
var aotMedian = ColdStart.Median(aot.Select(s => s.Milliseconds));
var jitMedian = ColdStart.Median(jit.Select(s => s.Milliseconds));
var ratio = jitMedian / aotMedian;
var aotRss = aot.Max(s => s.PeakRssKilobytes) / 1024.0;
var jitRss = jit.Max(s => s.PeakRssKilobytes) / 1024.0;

var zipPath = Path.Combine(Path.GetTempPath(), "identitystack-bootstrap-bench.zip");
File.Delete(zipPath);
using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
{
    zip.CreateEntryFromFile(aotPath, "bootstrap", CompressionLevel.SmallestSize);
}

var binaryMb = new FileInfo(aotPath).Length / 1_000_000.0;
var zippedMb = new FileInfo(zipPath).Length / 1_000_000.0;
File.Delete(zipPath);

Console.WriteLine("warm: one invocation per trigger (BenchmarkDotNet, in-memory stores)");
var summary = BenchmarkRunner.Run<WarmInvocation>(DefaultConfig.Instance.WithOptions(ConfigOptions.DisableLogFile).WithArtifactsPath(Path.Combine(Path.GetTempPath(), "identitystack-bench")));
var warm = summary.Reports.ToDictionary(
    r => (string)r.BenchmarkCase.Parameters["Trigger"],
    r => r.ResultStatistics?.Median / 1000.0 ?? double.NaN,
    StringComparer.Ordinal);

static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

Console.WriteLine();
Console.WriteLine("| figure | value | target |");
Console.WriteLine("| --- | --- | --- |");
Console.WriteLine($"| cold start, AOT bootstrap (median) | {F(aotMedian)} ms | |");
Console.WriteLine($"| cold start, same handlers on the JIT (median) | {F(jitMedian)} ms | |");
Console.WriteLine($"| JIT / AOT cold start | {F(ratio)}x | >= {ColdStartRatioTarget}x |");
Console.WriteLine($"| bootstrap size | {F(binaryMb)} MB | |");
Console.WriteLine($"| bootstrap zipped | {F(zippedMb)} MB | <= {ZippedMegabytesTarget} MB |");
Console.WriteLine($"| peak RSS, AOT (max of runs) | {F(aotRss)} MB | <= {PeakRssMegabytesTarget} MB |");
Console.WriteLine($"| peak RSS, JIT (max of runs) | {F(jitRss)} MB | |");
foreach (var (trigger, micros) in warm.OrderBy(w => w.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"| warm invocation, {trigger} (median) | {F(micros)} us | < {WarmMicrosecondsTarget} us |");
}

var failures = new List<string>();
if (ratio < ColdStartRatioTarget)
{
    failures.Add($"cold start ratio {F(ratio)}x < {ColdStartRatioTarget}x");
}

if (zippedMb > ZippedMegabytesTarget)
{
    failures.Add($"zipped {F(zippedMb)} MB > {ZippedMegabytesTarget} MB");
}

if (aotRss > PeakRssMegabytesTarget)
{
    failures.Add($"peak RSS {F(aotRss)} MB > {PeakRssMegabytesTarget} MB");
}

failures.AddRange(warm.Where(w => !(w.Value < WarmMicrosecondsTarget)).Select(w => $"warm {w.Key} {F(w.Value)} us >= {WarmMicrosecondsTarget} us"));
Console.WriteLine(failures.Count == 0
    ? $"verdict: PASS: AOT cold start {F(ratio)}x faster than JIT, {F(zippedMb)} MB zipped, {F(aotRss)} MB peak RSS, every warm invocation under {WarmMicrosecondsTarget} us"
    : "verdict: FAIL: " + string.Join("; ", failures));
return failures.Count == 0 ? 0 : 1;
