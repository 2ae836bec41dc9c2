using System.Diagnostics;
using System.Globalization;

namespace DigestBot.Bench.Support;

/// <summary>
/// The fan-out as the real program does it in a process of its own: the store of a <see cref="BenchApp"/> seeded with
/// N subscribers, then <c>DigestBot send-now</c> in that content root (templates compiled, host started, one edition
/// sent to smtp-sink, exit). Peak RSS and CPU are the kernel's figures at exit; RSS is sampled each second on the way.
/// </summary>
public static class ProcessFanOut
{
    public static async Task<int> RunAsync(
        SmtpSinkProcess sink, int subscribers, int connections, int parallelBatches, EditionShape shape, IReadOnlyDictionary<string, string> environment,
        TextWriter output, CancellationToken cancellationToken = default)
    {
        string root;
        await using (var app = await BenchApp.StartAsync(shape, sink.Port, connections, parallelBatches, cancellationToken: cancellationToken))
        {
            app.KeepRoot = true;
            await SubscriberSeeder.SeedAsync(app.DatabasePath, subscribers, cancellationToken);
            root = app.Root;
        }

        try
        {
            var samples = new List<(long Messages, long Rss)>();
            var before = sink.Messages;
            var watch = Stopwatch.StartNew();
            var wrapper = 0;
            var dll = Path.Combine(AppContext.BaseDirectory, "DigestBot.dll");
            var run = MeasuredChild.RunAsync(root, ["dotnet", dll, "send-now", BenchApp.DigestId], environment, pid => wrapper = pid, cancellationToken);
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(1000, cancellationToken));
                if (MeasuredChild.ChildOf(wrapper) is { } child && ProcStatus.Read(child, "VmRSS:") is > 0 and var rss)
                {
                    samples.Add((sink.Messages - before, rss));
                }
            }

            var (figures, exit, log) = await run;
            var elapsed = watch.Elapsed;
            await sink.WaitForMessagesAsync(before + subscribers, TimeSpan.FromSeconds(10), cancellationToken);
            var sent = sink.Messages - before;
            var startup = samples.Where(s => s.Messages == 0).Select(s => s.Rss).DefaultIfEmpty(0).Max();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  send-now in its own process: exit {exit}; {sent:N0} received by the sink in {elapsed.TotalSeconds:F1} s (start-up included) = {sent / elapsed.TotalSeconds:F0} msg/s; " +
                $"{figures.CpuSeconds:F1} CPU s"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  peak RSS of the process: {PeakMemory.Mb(figures.PeakBytes)} (target < 150 MB, and < 300 MB at least); sampled before the first message: {PeakMemory.Mb(startup)}"));
            await output.WriteLineAsync("  RSS by messages sent: " + string.Join(", ", Progress(samples, subscribers)));
            if (exit != 0)
            {
                await output.WriteLineAsync(log.ToString());
            }

            return exit == 0 && sent == subscribers ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The largest RSS sampled in each tenth of the fan-out.</summary>
    private static IEnumerable<string> Progress(List<(long Messages, long Rss)> samples, int subscribers) =>
        samples.Where(s => s.Messages > 0)
            .GroupBy(s => Math.Min(9, s.Messages * 10 / Math.Max(1, subscribers)))
            .OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key * 10}%: {PeakMemory.Mb(g.Max(s => s.Rss))}"));
}
