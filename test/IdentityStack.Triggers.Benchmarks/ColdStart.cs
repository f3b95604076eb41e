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
    public sealed record Sample(double Milliseconds, long PeakRssKilobytes);

    /// <summary>One cold start of <paramref name="start"/> answering <paramref name="payload"/>.</summary>
    public static async Task<Sample> MeasureOnceAsync(ProcessStartInfo start, string payload, string label)
    {
        await using var api = new FakeRuntimeApi();
        api.Enqueue("cold-start", payload);
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = api.HostAndPort;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var stopwatch = new Stopwatch();
        // The result can arrive before Process.Start has returned (the floor answers in under 2 ms):
        // the callback waits for the process id rather than read a variable not yet set.
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        double elapsed = 0;
        long rss = 0;
        api.OnPosted = _ =>
        {
            elapsed = stopwatch.Elapsed.TotalMilliseconds;
            rss = PeakRss(started.Task.GetAwaiter().GetResult());
        };
        stopwatch.Start();
        var process = Process.Start(start)!;
        started.SetResult(process.Id);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException timedOut)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{label} did not exit within 60 s of its start (it should after the second \"next\" is refused); stderr ends: {Tail(await stderr.ConfigureAwait(false))}", timedOut);
        }
        finally
        {
            process.Dispose();
        }

        await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        var posted = api.Posted.ToArray();
        if (posted.Length != 1 || posted[0].Kind != ResultKind.Response)
        {
            var what = posted.Length == 0 ? "nothing" : $"{posted[0].Kind}: {posted[0].Body}";
            throw new InvalidOperationException($"{label} posted {what} instead of one response; stderr ends: {Tail(await stderr.ConfigureAwait(false))}");
        }

        return new Sample(elapsed, rss);
    }

    public static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

    private static string Tail(string text) => text.Length <= 2000 ? text : "..." + text[^2000..];

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
