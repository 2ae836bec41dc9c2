using System.Diagnostics;
using System.Globalization;

namespace DigestBot.Bench.Support;

/// <summary>
/// The fan-out as the real program does it in a process of its own: the store of a <see cref="BenchApp"/> seeded with
/// N subscribers, then <c>DigestBot send-now</c> in that content root (host started, one edition sent to smtp-sink,
/// exit), by default the build beside the bench, else the one in <c>appDirectory</c>. Peak RSS and CPU are the kernel's figures at exit; RSS is sampled each second on the way.
/// </summary>
/// <remarks>
/// A worker compiles its templates once, at its first start, and every later process loads the compiled copy; so unless
/// <c>cold</c>, a <c>validate</c> runs first in the same content root (the first start, which compiles and saves them)
/// and send-now is the second start, as in production. The output says which of the two send-now did.
/// </remarks>
public static class ProcessFanOut
{
    private const string LoadedCompiled = "templates loaded from the compiled copy";
    private const string TemplateLogLevel = "Logging__LogLevel__DigestBot.Render.Templates";

    public static async Task<int> RunAsync(
        SmtpSinkProcess sink, int subscribers, int connections, int parallelBatches, EditionShape shape, IReadOnlyDictionary<string, string> environment,
        TextWriter output, bool cold = false, bool breakdown = false, string? appDirectory = null, CancellationToken cancellationToken = default)
    {
        string root;
        string databasePath;
        await using (var app = await BenchApp.StartAsync(shape, sink.Port, connections, parallelBatches, cancellationToken: cancellationToken))
        {
            app.KeepRoot = true;
            await SubscriberSeeder.SeedAsync(app.DatabasePath, subscribers, cancellationToken);
            root = app.Root;
            databasePath = app.DatabasePath;
        }

        try
        {
            var dll = Path.Combine(appDirectory ?? AppContext.BaseDirectory, "DigestBot.dll");
            if (!cold)
            {
                var (first, firstExit, firstLog) = await MeasuredChild.RunAsync(root, ["dotnet", dll, "validate"], environment, cancellationToken: cancellationToken);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  first start (validate: compiles and saves the templates): exit {firstExit}; {first.CpuSeconds:F1} CPU s, peak RSS {PeakMemory.Mb(first.PeakBytes)}"));
                if (firstExit != 0)
                {
                    await output.WriteLineAsync(firstLog.ToString());
                    return 1;
                }
            }

            var childEnvironment = new Dictionary<string, string>(environment, StringComparer.Ordinal);
            childEnvironment.TryAdd(TemplateLogLevel, "Information");
            var samples = new ChildSamples(breakdown);
            var before = sink.Messages;
            var watch = Stopwatch.StartNew();
            var wrapper = 0;
            var wal = new WalSizes(databasePath, subscribers);
            var run = MeasuredChild.RunAsync(root, ["dotnet", dll, "send-now", BenchApp.DigestId], childEnvironment, pid => wrapper = pid, LoadedCompiled, cancellationToken);
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(1000, cancellationToken));
                var child = MeasuredChild.ChildOf(wrapper);
                if (child is { } pid)
                {
                    samples.Take(pid, sink.Messages - before);
                }

                wal.Take(sink.Messages - before, child);
            }

            var (figures, exit, log) = await run;
            var elapsed = watch.Elapsed;
            await sink.WaitForMessagesAsync(before + subscribers, TimeSpan.FromSeconds(10), cancellationToken);
            var sent = sink.Messages - before;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  send-now in its own process ({(log.Seen ? "second start: " + LoadedCompiled : "templates compiled by send-now itself: a cold start")}): exit {exit}; " +
                $"{sent:N0} received by the sink in {elapsed.TotalSeconds:F1} s (start-up included) = {sent / elapsed.TotalSeconds:F0} msg/s; {figures.CpuSeconds:F1} CPU s"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  peak RSS of the process: {PeakMemory.Mb(figures.PeakBytes)} (target < 150 MB, and < 300 MB at least); sampled before the first message: {PeakMemory.Mb(samples.StartupBytes)}"));
            await output.WriteLineAsync("  RSS by messages sent: " + string.Join(", ", samples.Progress(subscribers)));
            await output.WriteLineAsync("  SQLite store: " + wal.Describe());
            foreach (var (when, described) in new[] { ("first sample", samples.AtStart), ("before the first message", samples.BeforeFirstMessage), ("largest sample", samples.AtPeak) })
            {
                if (described is not null)
                {
                    await output.WriteLineAsync($"  {when}: {described}");
                }
            }

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
}
