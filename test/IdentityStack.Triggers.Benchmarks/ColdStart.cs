using System.Diagnostics;
using System.Globalization;
using IdentityStack.Testing;

namespace IdentityStack.Triggers.Benchmarks;

/// <summary>
/// Cold start as Lambda sees it: from process spawn to the first response posted to the Runtime
/// API, for the custom message trigger (no I/O). Peak RSS is the process's VmHWM sampled when the
/// response arrives.
/// </summary>
internal static class ColdStart
{
    public sealed record Sample(double Milliseconds, long PeakRssKilobytes);

    public static async Task<IReadOnlyList<Sample>> MeasureAsync(string fileName, string[] arguments, int runs)
    {
        var payload = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "fixtures", "custom-message-sign-up.json")).ConfigureAwait(false);
        var samples = new List<Sample>();
        for (var run = 0; run < runs; run++)
        {
            await using var api = new FakeRuntimeApi();
            api.Enqueue("cold-" + run.ToString(CultureInfo.InvariantCulture), payload);
            var start = new ProcessStartInfo(fileName, arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["AWS_LAMBDA_RUNTIME_API"] = api.HostAndPort;
            start.Environment["_HANDLER"] = "CustomMessage";
            var stopwatch = new Stopwatch();
            Process? process = null;
            double elapsed = 0;
            long rss = 0;
            api.OnPosted = _ =>
            {
                elapsed = stopwatch.Elapsed.TotalMilliseconds;
                rss = PeakRss(process!.Id);
            };
            stopwatch.Start();
            process = Process.Start(start)!;
            var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            await process.WaitForExitAsync().ConfigureAwait(false);
            await drain.ConfigureAwait(false);
            process.Dispose();
            if (elapsed == 0)
            {
                throw new InvalidOperationException($"{fileName} posted no response; is it built?");
            }

            samples.Add(new Sample(elapsed, rss));
        }

        return samples;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
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
