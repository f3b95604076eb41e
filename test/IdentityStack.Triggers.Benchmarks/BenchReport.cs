using System.Globalization;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Triggers.Benchmarks;

/// <summary>The figures of one benchmark run, as Markdown tables, and the targets they miss.</summary>
internal sealed class BenchReport(
    IReadOnlyDictionary<Contender, List<ColdStart.Sample>> samples,
    IReadOnlyDictionary<Contender, long> instructions,
    Contender floor,
    Contender jit,
    IReadOnlyDictionary<string, string> handlerBinaries)
{
    private readonly double _floorMedian = ColdStart.Median(samples[floor].Select(s => s.Milliseconds));
    private readonly Dictionary<string, BinarySize> _sizes = handlerBinaries.Values.Distinct(StringComparer.Ordinal).ToDictionary(b => b, BinarySize.Of, StringComparer.Ordinal);
    private IReadOnlyDictionary<string, double> _warm = new Dictionary<string, double>(StringComparer.Ordinal);

    private IEnumerable<Contender> Handlers => samples.Keys.Where(c => c != floor && c != jit).OrderBy(c => c.Label, StringComparer.Ordinal);

    public void AddWarm(IReadOnlyDictionary<string, double> microsecondsPerTrigger) => _warm = microsecondsPerTrigger;

    public void PrintColdStart(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("| cold start | binary | calls | median | p90 | / floor | target | peak RSS | instructions |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        Row(floor, "-", "-", "1.0x", string.Empty);
        foreach (var contender in Handlers)
        {
            Row(contender, BinaryName(contender.Binary), contender.Scenario!.Calls, Ratio(Median(contender)), "<= " + F(TargetOverFloor(contender.Scenario.Handler)) + "x");
        }

        Row(jit, "dotnet " + Path.GetFileName(jit.Binary), jit.Scenario!.Calls, Ratio(Median(jit)), $"JIT / AOT {F(JitOverAot())}x, >= {F(BenchTargets.JitOverAot)}x");
        output.WriteLine();

        void Row(Contender c, string binary, string calls, string ratio, string target)
        {
            var values = samples[c].Select(s => s.Milliseconds).ToList();
            var counted = instructions.TryGetValue(c, out var count) ? (count / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " M" : "-";
            output.WriteLine($"| {c.Label} | {binary} | {calls} | {F(ColdStart.Median(values))} ms | {F(ColdStart.Percentile(values, 0.9))} ms | {ratio} | {target} | {F(PeakRssMegabytes(c))} MB | {counted} |");
        }
    }

    public void PrintBinaries(TextWriter output)
    {
        output.WriteLine("| binary | handlers | size | zipped | target |");
        output.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var (binary, size) in _sizes.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var handlers = handlerBinaries.Where(h => string.Equals(h.Value, binary, StringComparison.Ordinal)).Select(h => h.Key).Order(StringComparer.Ordinal);
            output.WriteLine($"| {BinaryName(binary)} | {string.Join(", ", handlers)} | {F(size.Bytes / 1e6)} MB | {F(size.ZippedBytes / 1e6)} MB | < {F(BenchTargets.ZippedMegabytes)} MB |");
        }

        output.WriteLine();
    }

    public void PrintWarm(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("| warm invocation (median) | time | target |");
        output.WriteLine("| --- | --- | --- |");
        foreach (var (trigger, micros) in _warm.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"| {trigger} | {F(micros)} us | < {F(BenchTargets.WarmMicroseconds)} us |");
        }

        output.WriteLine();
    }

    public IReadOnlyList<string> Failures()
    {
        var failures = new List<string>();
        foreach (var contender in Handlers)
        {
            var ratio = Median(contender) / _floorMedian;
            var target = TargetOverFloor(contender.Scenario!.Handler);
            if (!(ratio <= target))
            {
                failures.Add($"{contender.Label} {F(ratio)}x the floor > {F(target)}x");
            }
        }

        failures.AddRange(_sizes.Where(s => !(s.Value.ZippedBytes / 1e6 < BenchTargets.ZippedMegabytes))
            .Select(s => $"{BinaryName(s.Key)} zipped {F(s.Value.ZippedBytes / 1e6)} MB >= {F(BenchTargets.ZippedMegabytes)} MB"));
        if (!(JitOverAot() >= BenchTargets.JitOverAot))
        {
            failures.Add($"JIT / AOT cold start {F(JitOverAot())}x < {F(BenchTargets.JitOverAot)}x");
        }

        failures.AddRange(Handlers.Where(c => !(PeakRssMegabytes(c) <= BenchTargets.PeakRssMegabytes))
            .Select(c => $"{c.Label} peak RSS {F(PeakRssMegabytes(c))} MB > {F(BenchTargets.PeakRssMegabytes)} MB"));
        failures.AddRange(_warm.Where(w => !(w.Value < BenchTargets.WarmMicroseconds)).Select(w => $"warm {w.Key} {F(w.Value)} us >= {F(BenchTargets.WarmMicroseconds)} us"));
        return failures;
    }

    public string Summary() =>
        $"every handler within its multiple of the floor ({F(_floorMedian)} ms), every zip under {F(BenchTargets.ZippedMegabytes)} MB, JIT / AOT {F(JitOverAot())}x, peak RSS at most {F(Handlers.Max(PeakRssMegabytes))} MB"
        + (_warm.Count > 0 ? $", every warm invocation under {F(BenchTargets.WarmMicroseconds)} us" : string.Empty);

    /// <summary>The multiple of the floor a handler must start within: tighter for those on the binary without the AWS SDK.</summary>
    private static double TargetOverFloor(string handler) =>
        TriggerHandlerNames.WithoutAws.Contains(handler, StringComparer.Ordinal) ? BenchTargets.AwsFreeOverFloor : BenchTargets.WithAwsOverFloor;

    private double JitOverAot()
    {
        var aot = Handlers.Single(c => string.Equals(c.Label, jit.Scenario!.Handler, StringComparison.Ordinal));
        return Median(jit) / Median(aot);
    }

    private double Median(Contender contender) => ColdStart.Median(samples[contender].Select(s => s.Milliseconds));

    private double PeakRssMegabytes(Contender contender) => samples[contender].Max(s => s.PeakRssKilobytes) / 1024.0;

    private string Ratio(double median) => F(median / _floorMedian) + "x";

    /// <summary>A binary as the report names it: its path below artifacts/bootstrap, or its file name.</summary>
    private static string BinaryName(string path)
    {
        var marker = Path.Combine("artifacts", "bootstrap") + Path.DirectorySeparatorChar;
        var at = path.IndexOf(marker, StringComparison.Ordinal);
        return at >= 0 ? path[(at + marker.Length)..] : Path.GetFileName(path);
    }

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
