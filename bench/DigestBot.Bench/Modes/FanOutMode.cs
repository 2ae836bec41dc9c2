using System.Globalization;
using DigestBot.Bench.Support;

namespace DigestBot.Bench.Modes;

/// <summary>
/// fanout --subscribers N --connections C: DigestBot sends an edition of ~20 KB personalised emails to N subscribers from
/// the store, then smtp-source sends N messages of the same size over C sessions to the same smtp-sink. <c>--dkim</c>
/// DKIM-signs DigestBot's messages (<c>--dkim both</c>: RSA and Ed25519). <c>--local-time</c> sends a local-time edition
/// instead: the subscribers are spread over 24 zones, one batch group each, all due at once.
/// </summary>
public static class FanOutMode
{
    public static async Task<int> RunAsync(BenchArgs args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var subscribers = args.Int("subscribers", 10_000);
        var connections = args.Int("connections", 4);
        var parallelBatches = args.Int("parallel-batches", 1);
        var shape = new EditionShape(args.Int("sections", EditionShape.TwentyKb.Sections), args.Int("stories", EditionShape.TwentyKb.StoriesPerSection));

        // --dkim signs every message with a generated 2048-bit RSA key; --dkim both adds an Ed25519 signature.
        var dkim = args.String("dkim") switch { null or "false" => null, "both" => "both", _ => "rsa" };
        var size = await FanOutRunner.MeasureMessageBytesAsync(shape, dkim, cancellationToken);
        await output.WriteLineAsync($"fanout: {subscribers:N0} subscribers, {connections} SMTP sessions ({parallelBatches} batches at a time), {shape.Sections * shape.StoriesPerSection} stories, message size {size:N0} bytes, DKIM {dkim switch { null => "off", "both" => "rsa-sha256 2048 + ed25519-sha256", _ => "rsa-sha256 2048" }}{(args.Flag("local-time") ? ", local time: 24 zones due at once" : "")}");

        await using var sink = await SmtpSinkProcess.StartAsync(cancellationToken: cancellationToken);
        var ours = await FanOutRunner.RunAsync(sink, subscribers, connections, parallelBatches, shape, line => output.WriteLine("  " + line), warmUp: args.Int("warm-up", Math.Min(subscribers, 5_000)), warmUpEditions: args.Int("warm-up-editions", 3), dkim: dkim, localTime: args.Flag("local-time"), cancellationToken: cancellationToken);
        var sourceBytes = args.Int("source-bytes", 20_480);
        var before = sink.Messages;
        var reference = await SmtpSource.RunAsync(sink.Port, connections, subscribers, sourceBytes, cancellationToken);
        await sink.WaitForMessagesAsync(before + subscribers, TimeSpan.FromSeconds(10), cancellationToken);
        var referenceRate = subscribers / reference.TotalSeconds;

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  DigestBot   : {ours.Sent:N0} sent ({ours.Received:N0} received) in {ours.Elapsed.TotalSeconds:F2} s = {ours.Rate:F0} msg/s; " +
            $"CPU {ours.Cpu.TotalSeconds:F1} s ({ours.Cpu.TotalMilliseconds / Math.Max(ours.Sent, 1) * 1000:F0} us/msg); " +
            $"allocated {ours.AllocatedBytes / (double)Math.Max(ours.Sent, 1) / 1024:F1} KB/msg; gen2 GCs {ours.Gen2Collections}; " +
            $"of the CPU, JIT {ours.JitTime.TotalSeconds:F1} s ({ours.JitMethods:N0} methods); status {ours.Status}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  smtp-source : {subscribers:N0} x {sourceBytes:N0} bytes in {reference.TotalSeconds:F2} s = {referenceRate:F0} msg/s"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  ratio       : {ours.Rate / referenceRate:F2}x smtp-source (target >= 0.50x)"));
        await output.WriteLineAsync($"  peak RSS    : {PeakMemory.Mb(ours.FanOutPeakBytes)} during DigestBot's fan-out");
        return ours.Sent == subscribers ? 0 : 1;
    }
}
