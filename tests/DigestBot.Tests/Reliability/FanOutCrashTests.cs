using System.Text.Json.Nodes;
using DigestBot.Options;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Reliability;

/// <summary>
/// A real worker process sending to smtp-sink (-d keeps every message) is killed with SIGKILL, or stopped with SIGTERM,
/// in the middle of a fan-out; a second process resumes the same slot.
/// </summary>
public sealed class FanOutCrashTests : IAsyncLifetime
{
    private const int Subscribers = 400;
    private const int ParallelBatches = 2;
    private const int Connections = 1;
    private const string Slot = "2026-01-14T07:00:00Z";
    private MailAndDiscordPeers? peers;

    private SmtpSink? Sink => peers?.Sink;

    private FakeDiscordServer? Discord => peers?.Discord;

    public async Task InitializeAsync() => peers = await MailAndDiscordPeers.StartAsync();

    public async Task DisposeAsync()
    {
        if (peers is not null)
        {
            await peers.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task SendNow_killedMidFanOutThenRerun_everySubscriberOnceButInFlightDuplicates()
    {
        await using var app = CreateApp();
        await using (var first = WorkerProcess.Start(app.Root, "send-now", "daily", "--slot", Slot))
        {
            await WaitForAsync(() => FileCount() >= 80, first, TimeSpan.FromSeconds(180));
            await first.CrashAsync();
        }

        var atKill = FileCount();
        // News arriving between the crash and the resume must not change the edition.
        app.AddSource("late", "space", TestFeeds.Rss("Late", "https://late.example.org/",
            new TestItem("Late breaking story", "https://late.example.org/1", DateTimeOffset.UtcNow, "Arrived after the crash.")));
        await LeasesRunOutAsync(app);

        await using var second = WorkerProcess.Start(app.Root, "send-now", "daily", "--slot", Slot);
        Assert.True(await second.WaitForExitAsync(TimeSpan.FromSeconds(180)) == 0, second.Output);

        var recipients = Sink!.Messages().SelectMany(m => m.Recipients).ToList();
        var distinct = recipients.ToHashSet(StringComparer.OrdinalIgnoreCase);
        // smtp-sink drops the file of a message it was still receiving when the sender died, so up to one per session
        // counted while waiting may be gone at the kill.
        Assert.InRange(atKill, 80 - Connections, Subscribers - 1);
        Assert.Equal(Subscribers, distinct.Count);
        Assert.InRange(recipients.Count - distinct.Count, 0, Connections);
        Assert.All(Sink.Messages(), m => Assert.DoesNotContain("Late breaking story", m.Message.TextBody, StringComparison.Ordinal));
        Assert.Single(Discord!.Messages);
    }

    [SkippableFact]
    public async Task SendNow_sigtermMidFanOut_checkpointsCleanlyAndRerunSendsNoDuplicate()
    {
        await using var app = CreateApp();
        var probe = new StoreProbe(new StorageOptions { SqlitePath = "data/digestbot.db" }, app.Root);
        await using (var first = WorkerProcess.Start(app.Root, "send-now", "daily", "--slot", Slot))
        {
            await WaitForAsync(() => FileCount() >= 80, first, TimeSpan.FromSeconds(180));
            var exit = await first.TerminateAsync(TimeSpan.FromSeconds(30));
            Assert.True(exit == 3, $"exit {exit}: {first.Output}");
        }

        // Every accepted message is in the ledger, nothing is left claimed, the edition is free to resume at once.
        Assert.Equal(Recipients().Count, await probe.ScalarAsync("SELECT COUNT(*) FROM email_deliveries WHERE status = 'sent'"));
        Assert.Equal(0, await probe.ScalarAsync("SELECT COUNT(*) FROM email_batches WHERE status = 'claimed'"));
        Assert.Equal(0, await probe.ScalarAsync("SELECT lease_until FROM editions"));
        Assert.Empty(Discord!.Messages);

        await using var second = WorkerProcess.Start(app.Root, "send-now", "daily", "--slot", Slot);
        Assert.True(await second.WaitForExitAsync(TimeSpan.FromSeconds(180)) == 0, second.Output);

        var recipients = Recipients();
        Assert.Equal(Subscribers, recipients.Count);
        Assert.Equal(Subscribers, recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Single(Discord.Messages);
    }

    /// <summary>Waits until every lease the killed process held on the edition and its batches has run out, so a new process may take them over.</summary>
    private static async Task LeasesRunOutAsync(TestApp app)
    {
        var probe = new StoreProbe(new StorageOptions { SqlitePath = "data/digestbot.db" }, app.Root);
        const string LatestLease = "SELECT MAX(lease_until) FROM (SELECT lease_until FROM editions UNION ALL SELECT lease_until FROM email_batches)";
        long latest = 0;
        await Poll.UntilAsync(
            async () => (latest = await probe.ScalarAsync(LatestLease)) < DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            TimeSpan.FromSeconds(30),
            "the killed process's leases to run out",
            () => $"latest lease until {DateTimeOffset.FromUnixTimeMilliseconds(latest):O}");
    }

    private List<string> Recipients() => Sink!.Messages().SelectMany(m => m.Recipients).ToList();

    private int FileCount() => Directory.EnumerateFiles(Sink!.Directory).Count();

    private TestApp CreateApp()
    {
        Skip.If(Sink is null, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        var app = TestApp.Create(c =>
        {
            c["Logging"]!["LogLevel"]!["Default"] = "Information";
            c["Digests"]!["daily"]!["Discord"] = new JsonArray("community");
            c["Smtp"]!["Port"] = Sink!.Port;
            c["Smtp"]!["Connections"] = Connections; // the node's only SMTP session, for both batches: the duplicate bound counts sessions
            // Paced (25 msg/s for the node) so the fan-out lasts seconds and the kill lands mid-way even on a loaded machine.
            c["Smtp"]!["MaxMessagesPerSecond"] = 25;
            c["Discord"]!["Destinations"]!["community"] = new JsonObject { ["WebhookUrl"] = Discord!.CreateWebhook("community") };
            c["FanOut"] = new JsonObject { ["BatchSize"] = 50, ["ParallelBatches"] = ParallelBatches, ["Lease"] = "00:00:04", ["PollInterval"] = "00:00:00.200" };
            TestApp.AddReaders(c, Subscribers, "D4");
        });
        var now = DateTimeOffset.UtcNow;
        app.AddWireStory(now);
        return app;
    }

    private static async Task WaitForAsync(Func<bool> condition, WorkerProcess worker, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.False(worker.HasExited, "The worker exited early:\n" + worker.Output);
            Assert.True(DateTime.UtcNow < deadline, "Timed out; worker output:\n" + worker.Output);
            await Task.Delay(10);
        }
    }
}
