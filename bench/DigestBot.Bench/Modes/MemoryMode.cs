using System.Globalization;
using DigestBot.Bench.Support;

namespace DigestBot.Bench.Modes;

/// <summary>
/// memory --subscribers N: peak resident set (VmHWM) of this process while DigestBot fans an edition out to N
/// subscribers streamed from the store to smtp-sink. The high-water mark is reset after seeding, so it is the fan-out's.
/// With --process [--env K=V;K=V] [--image-env] [--cold] [--breakdown] [--app DIR] the real program sends the edition in a process of its own
/// (send-now), measured whole: a second start, which loads the templates a first start compiled, unless --cold.
/// </summary>
public static class MemoryMode
{
    public static async Task<int> RunAsync(BenchArgs args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var subscribers = args.Int("subscribers", 1_000_000);
        var connections = args.Int("connections", 4);
        var parallelBatches = args.Int("parallel-batches", 1);
        var shape = new EditionShape(args.Int("sections", EditionShape.TwentyKb.Sections), args.Int("stories", EditionShape.TwentyKb.StoriesPerSection));
        await output.WriteLineAsync($"memory: {subscribers:N0} subscribers, {connections} SMTP sessions ({parallelBatches} batches at a time)");

        await using var sink = await SmtpSinkProcess.StartAsync(cancellationToken: cancellationToken);
        if (args.Flag("process"))
        {
            var environment = ProcessMode.ChildEnvironment(args);
            if (environment.Count > 0)
            {
                await output.WriteLineAsync("  environment of the process: " + string.Join(' ', environment.Select(e => $"{e.Key}={e.Value}")));
            }

            return await ProcessFanOut.RunAsync(sink, subscribers, connections, parallelBatches, shape, environment, output,
                args.Flag("cold"), args.String("breakdown") is not null, args.String("app"), cancellationToken);
        }

        var result = await FanOutRunner.RunAsync(sink, subscribers, connections, parallelBatches, shape, line => output.WriteLine("  " + line), args.String("breakdown") is not null, args.Int("warm-up", Math.Min(subscribers, 5_000)), args.Int("warm-up-editions", 3), cancellationToken: cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  peak RSS during fan-out: {PeakMemory.Mb(result.FanOutPeakBytes)} (target < 300 MB){(result.PeakWasReset ? "" : " [high-water mark not resettable: includes seeding]")}; " +
            $"peak before fan-out {PeakMemory.Mb(result.StartupPeakBytes)}; RSS now {PeakMemory.Mb(PeakMemory.CurrentBytes)}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {result.Sent:N0} sent in {result.Elapsed.TotalSeconds:F1} s = {result.Rate:F0} msg/s; gen2 GCs {result.Gen2Collections}; status {result.Status}"));
        return result.Sent == subscribers ? 0 : 1;
    }
}
