using System.Diagnostics;
using System.Runtime;
using DigestBot.Pipeline;

namespace DigestBot.Bench.Support;

/// <summary>
/// One whole edition through the real pipeline (DigestPipeline.RunAsync: build, record, batched fan-out, ledger) to
/// <paramref name="subscribers"/> subscribers seeded in the SQLite store, sent to a running smtp-sink. <c>dkim</c> signs
/// every message (see <see cref="BenchApp.StartAsync"/>).
/// </summary>
public static class FanOutRunner
{
    public static async Task<FanOutResult> RunAsync(
        SmtpSinkProcess sink, int subscribers, int connections, int parallelBatches, EditionShape shape, Action<string>? progress = null,
        bool describeMemory = false, int warmUp = 0, int warmUpEditions = 1, string? dkim = null, bool localTime = false,
        CancellationToken cancellationToken = default)
    {
        var warmUps = warmUp > 0 ? warmUpEditions : 0;
        await using var app = await BenchApp.StartAsync(shape, sink.Port, connections, parallelBatches, warmUps, dkim, localTime, cancellationToken);
        Describe("started (templates compiled)");
        if (warmUps > 0)
        {
            await SubscriberSeeder.SeedAsync(app.DatabasePath, warmUp, cancellationToken);
        }

        for (var edition = 1; edition <= warmUps; edition++)
        {
            // A worker's first editions also pay for compiling the send path: the runtime compiles a method quickly first
            // and again, optimised, once it has been called 30 times, in two steps (instrumented, then final), and a
            // method called a few times per edition gets there only in a later edition. A worker that has sent before
            // has paid that: the same host sends editions of digests of its own first (each digest has its own sent
            // history, so each sends the whole edition), then waits for the background compiler.
            var jit = JitInfo.GetCompilationTime();
            var warm = await app.Get<DigestPipeline>().RunAsync(BenchApp.WarmUpDigestId(edition), DateTimeOffset.UtcNow, cancellationToken);
            var settled = await JitSettle.WaitAsync(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(120), cancellationToken);
            var warmSent = warm.Deliveries.FirstOrDefault(d => d.Channel == "email")?.Sent ?? 0;
            progress?.Invoke($"warm-up {edition}: {warmSent:N0} messages sent by an earlier edition of the same host; JIT {(JitInfo.GetCompilationTime() - jit).TotalSeconds:F1} s; background compilation quiet after {settled.TotalSeconds:F0} s");
        }

        if (warmUps > 0)
        {
            Describe("after the warm-up editions");
        }

        var seeding = Stopwatch.StartNew();
        // Adds the subscribers the warm-up editions did not have; the measured edition goes to all N.
        await SubscriberSeeder.SeedAsync(app.DatabasePath, subscribers, cancellationToken);
        if (localTime)
        {
            await SubscriberSeeder.SpreadOverZonesAsync(app.DatabasePath, cancellationToken);
        }

        progress?.Invoke($"seeded {subscribers:N0} subscribers in {seeding.Elapsed.TotalSeconds:F1} s");

        GC.Collect();
        Describe("seeded, after a full GC");
        var startupPeak = PeakMemory.PeakBytes;
        var resetPeak = PeakMemory.TryReset();
        var before = sink.Messages;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var gen2 = GC.CollectionCount(2);
        var jitTime = JitInfo.GetCompilationTime();
        var jitMethods = JitInfo.GetCompiledMethodCount();
        var watch = Stopwatch.StartNew();
        var outcome = await app.Get<DigestPipeline>().RunAsync(BenchApp.DigestId, localTime ? SubscriberSeeder.LocalTimeSlot : DateTimeOffset.UtcNow, cancellationToken);
        var elapsed = watch.Elapsed;
        Describe("fan-out done");
        var received = await sink.WaitForMessagesAsync(before + subscribers, TimeSpan.FromSeconds(10), cancellationToken);
        var result = new FanOutResult(
            subscribers,
            outcome.Deliveries.FirstOrDefault(d => d.Channel == "email")?.Sent ?? 0,
            sink.Messages - before,
            outcome.Status.ToText(),
            elapsed,
            Process.GetCurrentProcess().TotalProcessorTime - cpu,
            GC.GetTotalAllocatedBytes(precise: false) - allocated,
            GC.CollectionCount(2) - gen2,
            JitInfo.GetCompilationTime() - jitTime,
            JitInfo.GetCompiledMethodCount() - jitMethods,
            startupPeak,
            PeakMemory.PeakBytes,
            resetPeak);
        if (!received || result.Sent != subscribers)
        {
            progress?.Invoke($"warning: {result.Sent:N0} recorded as sent, sink received {result.Received:N0}, expected {subscribers:N0} (status {outcome.Status})");
        }

        return result;

        void Describe(string phase)
        {
            if (describeMemory)
            {
                progress?.Invoke($"{phase}: {MemoryBreakdown.Describe()}");
            }
        }
    }

    /// <summary>Sends one message of the shape to a sink that keeps it, and returns its size in bytes as sent.</summary>
    public static async Task<long> MeasureMessageBytesAsync(EditionShape shape, string? dkim = null, CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(Path.GetTempPath(), "digestbot-bench-sink-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            // smtp-sink drops privileges to nobody before writing.
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111);
        }

        try
        {
            await using var sink = await SmtpSinkProcess.StartAsync(directory, cancellationToken);
            await RunAsync(sink, 1, 1, 1, shape, dkim: dkim, cancellationToken: cancellationToken);
            await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(5), cancellationToken);
            await Task.Delay(100, cancellationToken);
            return Directory.EnumerateFiles(directory).Select(f => new FileInfo(f).Length).DefaultIfEmpty(0).Max();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

public sealed record FanOutResult(
    int Subscribers, int Sent, long Received, string Status, TimeSpan Elapsed, TimeSpan Cpu, long AllocatedBytes, int Gen2Collections,
    TimeSpan JitTime, long JitMethods, long StartupPeakBytes, long FanOutPeakBytes, bool PeakWasReset)
{
    public double Rate => Sent / Elapsed.TotalSeconds;
}
