using System.Text.Json.Nodes;
using DigestBot.Options;
using DigestBot.Pipeline;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Reliability;

/// <summary>
/// A node whose batch is taken over mid-send (its lease ran out while it was stalled, and another node claimed the batch)
/// must stop sending that batch at once, not finish the messages it had already queued: the new owner sends them.
/// The SMTP server answers each DATA after a second, so the whole batch is queued long before it is sent.
/// </summary>
public sealed class BatchLeaseLostTests
{
    private const int Subscribers = 8;

    [SkippableFact]
    public async Task RunAsync_batchTakenOverMidSend_stopsSendingIt()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var sink = await SmtpSink.StartAsync("-w 1");
        var now = DateTimeOffset.UtcNow;
        await using var app = TestApp.Create(c =>
        {
            c["Smtp"]!["Port"] = sink.Port;
            c["Smtp"]!["Connections"] = 1;
            c["FanOut"] = new JsonObject { ["BatchSize"] = Subscribers, ["Lease"] = "00:00:01", ["PollInterval"] = "00:00:00.100" };
            TestApp.AddReaders(c, Subscribers);
        });
        app.AddWireStory(now);
        await app.StartAsync();
        var probe = new StoreProbe(new StorageOptions { SqlitePath = app.Config["Storage"]!["SqlitePath"]!.GetValue<string>() }, app.Root);

        var run = app.Get<DigestPipeline>().RunAsync("daily", now);
        await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(60));
        // What another node does once it has claimed the batch and sent it: the batch is its own and done.
        await probe.ScalarAsync("UPDATE email_batches SET owner = 'other-node', status = 'done'");
        var stolenAt = sink.Messages().Count;
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(60));
        // The node stopped: its send queue is disposed (sessions closed, sending threads joined), so whatever it was
        // going to send of the stolen batch has reached the sink by now or never will.
        await app.DisposeAsync();

        Assert.True(outcome.Status is EditionOutcomeStatus.Sent or EditionOutcomeStatus.Interrupted, outcome.Status.ToString());
        // The message on the wire when the takeover was noticed may still arrive; nothing queued behind it.
        Assert.InRange(sink.Messages().Count - stolenAt, 0, 2);
        Assert.InRange(sink.Messages().Count, 1, 4);
    }
}
