using System.Diagnostics;
using System.Globalization;
using IdentityStack.Testing;

namespace IdentityStack.Triggers.Benchmarks;

/// <summary>
/// Cold start as Lambda sees it: from process spawn to the first result posted to the Runtime API
/// (a fresh loopback Runtime API per start). Peak RSS is the process's VmHWM sampled when the result
/// arrives. A start that posts anything but a response is an error, never a figure.
/// </summary>
internal static class ColdStart
{
    /// <summary>One start: time to its first response, its peak RSS then, and what it wrote to stderr.</summary>
    public sealed record Sample(double Milliseconds, long PeakRssKilobytes, string Stderr);

    /// <summary>One cold start of <paramref name="start"/> answering <paramref name="payload"/>.</summary>
    public static async Task<Sample> MeasureOnceAsync(ProcessStartInfo start, string payload, string label)
    {
        await using var api = new FakeRuntimeApi();
        api.Enqueue("cold-start", payload);
        double elapsed = 0;
        long rss = 0;
        var stopwatch = Stopwatch.StartNew();
        ProcessRun run;
        try
        {
            run = await api.RunAsync(
                start,
                pid =>
                {
                    elapsed = stopwatch.Elapsed.TotalMilliseconds;
                    rss = PeakRss(pid);
                },
                TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        }
        catch (TimeoutException timedOut)
        {
            throw new InvalidOperationException($"{label} did not exit (it should after the second \"next\" is refused): {timedOut.Message}", timedOut);
        }

        var posted = api.Posted.ToArray();
        if (posted.Length != 1 || posted[0].Kind != ResultKind.Response)
        {
            var what = posted.Length == 0 ? "nothing" : $"{posted[0].Kind}: {posted[0].Body}";
            throw new InvalidOperationException($"{label} posted {what} instead of one response; stderr ends: {ProcessRun.Tail(run.Stderr)}");
        }

        return new Sample(elapsed, rss, run.Stderr);
    }

    public static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

    /// <summary>The value below which <paramref name="fraction"/> of the values lie (linear between neighbours).</summary>
    public static double Percentile(IEnumerable<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = fraction * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }

    private static long PeakRss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
