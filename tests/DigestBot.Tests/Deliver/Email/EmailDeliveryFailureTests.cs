using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Store;
using DigestBot.Tests.Support;
using static DigestBot.Tests.Deliver.Email.EmailTestKit;

namespace DigestBot.Tests.Deliver.Email;

/// <summary>What the fan-out does when smtp-sink answers 4xx (-r) or 5xx (-f), or goes away in the middle of a send.</summary>
public sealed class EmailDeliveryFailureTests : IAsyncLifetime
{
    private readonly List<SmtpSink> sinks = [];
    private TestApp app = null!;

    public async Task InitializeAsync()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        app = await StartAppAsync();
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        foreach (var sink in sinks)
        {
            await sink.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task DeliverAsync_server4xxEveryTime_retriesThenRecordsFailureWithoutBounce()
    {
        var sink = await Sink("-r RCPT");
        await AddActiveAsync(app, "greylisted@example.org");

        var result = await Delivery(app, Smtp(sink.Port, s => s.MaxAttempts = 3)).DeliverAsync(Digest("daily@40"));

        Assert.Equal((0, 1), (result.Sent, result.Failed));
        var entry = Assert.Single(await app.Get<EmailLedger>().EntriesAsync("daily@40"));
        Assert.Equal(("failed", 3L), (entry.Status, entry.Attempts));
        Assert.StartsWith("4", entry.LastError, StringComparison.Ordinal);
        var subscriber = await app.Get<SubscriberStore>().FindAsync("greylisted@example.org");
        Assert.Equal((SubscriberStatus.Active, 0), (subscriber!.Status, subscriber.Bounces));
    }

    [SkippableFact]
    public async Task DeliverAsync_4xxThenAccepted_retriedAndRecordedOnce()
    {
        var sink = await Sink("-r RCPT");
        await AddActiveAsync(app, "later1@example.org");
        await AddActiveAsync(app, "later2@example.org");
        var logger = new RecordingLogger<EmailDelivery>();
        var delivery = Delivery(app, Smtp(sink.Port, s => (s.MaxAttempts, s.RetryDelay) = (20, TimeSpan.FromMilliseconds(300))), logger: logger);

        var sending = delivery.DeliverAsync(Digest("daily@41"));
        // Both deferred at least once before the server starts accepting, or one could be accepted on its first attempt.
        await logger.WaitForAsync(5010, TimeSpan.FromSeconds(20), "later1@example.org");
        await logger.WaitForAsync(5010, TimeSpan.FromSeconds(20), "later2@example.org");
        await sink.StopAsync();
        await sink.RestartAsync();
        var result = await sending;

        Assert.Equal((2, 0), (result.Sent, result.Failed));
        var ledger = await app.Get<EmailLedger>().EntriesAsync("daily@41");
        Assert.Equal(["later1@example.org", "later2@example.org"], ledger.Select(e => e.Email));
        Assert.All(ledger, e => Assert.True(e.Status == "sent" && e.Attempts >= 2, $"{e.Email}: {e.Status} after {e.Attempts}"));
        Assert.Equal(2, sink.Messages().Count);
    }

    [SkippableFact]
    public async Task DeliverAsync_server5xx_recordsFailureAndBouncesAtThreshold()
    {
        var sink = await Sink("-f RCPT");
        await AddActiveAsync(app, "gone@example.org");

        var result = await Delivery(app, Smtp(sink.Port), bounceThreshold: 1).DeliverAsync(Digest("daily@50"));

        Assert.Equal((0, 1), (result.Sent, result.Failed));
        var entry = Assert.Single(await app.Get<EmailLedger>().EntriesAsync("daily@50"));
        Assert.Equal(("failed", 1L), (entry.Status, entry.Attempts));
        Assert.StartsWith("5", entry.LastError, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Bounced, (await app.Get<SubscriberStore>().FindAsync("gone@example.org"))!.Status);
    }

    [SkippableFact]
    public async Task DeliverAsync_5xxBelowThreshold_staysActiveAndCounts()
    {
        var sink = await Sink("-f RCPT");
        await AddActiveAsync(app, "flaky@example.org");

        await Delivery(app, Smtp(sink.Port), bounceThreshold: 2).DeliverAsync(Digest("daily@51"));

        var subscriber = await app.Get<SubscriberStore>().FindAsync("flaky@example.org");
        Assert.Equal((SubscriberStatus.Active, 1), (subscriber!.Status, subscriber.Bounces));
    }

    [SkippableFact]
    public async Task DeliverAsync_serverStoppedMidSendAndRestarted_everySubscriberDeliveredAndRecordedOnce()
    {
        const int count = 400;
        var sink = await Sink("");
        var emails = Enumerable.Range(0, count).Select(i => $"reader{i:D4}@example.org").ToList();
        await app.Get<SubscriberStore>().AddManyAsync(emails.Select(e => new Subscriber(e, null, [], [], SubscriberStatus.Active)), overwrite: false);
        var logger = new RecordingLogger<EmailDelivery>();
        var delivery = Delivery(app, Smtp(sink.Port, s => s.MaxMessagesPerSecond = 400), logger: logger);

        var sending = delivery.DeliverAsync(Digest("daily@60"));
        await sink.WaitForMessagesAsync(50, TimeSpan.FromSeconds(20));
        await sink.StopAsync();
        // The fan-out has seen the server gone (paused): the outage is real to it.
        await logger.WaitForAsync(5020, TimeSpan.FromSeconds(20));
        await sink.RestartAsync();
        var result = await sending;

        Assert.Equal(count, result.Sent);
        Assert.Contains(logger.Entries, e => e.EventId == 5021);
        var ledger = await app.Get<EmailLedger>().EntriesAsync("daily@60");
        Assert.Equal(emails, ledger.Select(e => e.Email));
        Assert.All(ledger, e => Assert.Equal("sent", e.Status));
        var received = sink.Messages().SelectMany(m => m.Recipients).ToHashSet();
        Assert.Equal(emails.ToHashSet(), received);
    }

    private async Task<SmtpSink> Sink(string arguments)
    {
        var sink = await SmtpSink.StartAsync(arguments);
        sinks.Add(sink);
        return sink;
    }
}
