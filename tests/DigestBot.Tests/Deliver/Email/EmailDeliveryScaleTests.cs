using System.Diagnostics;
using DigestBot.Model;
using DigestBot.Store;
using DigestBot.Tests.Support;
using Xunit.Abstractions;
using static DigestBot.Tests.Deliver.Email.EmailTestKit;

namespace DigestBot.Tests.Deliver.Email;

public sealed class EmailDeliveryScaleTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task DeliverAsync_tenThousandSubscribers_everyOneInTheLedgerExactlyOnce()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        const int count = 10_000;
        await using var sink = await SmtpSink.StartAsync(keepMessages: false);
        await using var app = await StartAppAsync(sink.Port);
        var sections = new[] { new[] { "space" }, new[] { "energy" }, Array.Empty<string>() };
        await app.Get<SubscriberStore>().AddManyAsync(
            Enumerable.Range(0, count).Select(i => new Subscriber($"subscriber{i:D5}@example.org", i % 2 == 0 ? $"Reader {i}" : null, sections[i % 3], [], SubscriberStatus.Active)),
            overwrite: false);

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = await Delivery(app, Smtp(sink.Port, s => s.Connections = 8)).DeliverAsync(Digest("daily@10k"));
        watch.Stop();

        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        output.WriteLine($"10,000 subscribers: {watch.Elapsed.TotalSeconds:F2} s, {count / watch.Elapsed.TotalSeconds:F0} msg/s; " +
            $"{cpu.TotalMilliseconds / count:F2} ms CPU per message in this process (machine load {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
        Assert.Equal((count, 0, 0), (result.Sent, result.Failed, result.Skipped));
        var ledger = await app.Get<EmailLedger>().EntriesAsync("daily@10k");
        Assert.Equal(count, ledger.Count);
        Assert.Equal(count, ledger.Select(e => e.Email).Distinct().Count());
        Assert.All(ledger, e => Assert.Equal(("sent", 1L), (e.Status, e.Attempts)));
        Assert.Equal(count, ledger.Select(e => e.MessageId).Distinct().Count());
    }
}
