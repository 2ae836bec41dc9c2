using System.Text.Json.Nodes;
using DigestBot.Options;
using DigestBot.Pipeline;
using DigestBot.Tests.Reliability;
using DigestBot.Tests.Support;
using DigestBot.Tests.Web.Status;

namespace DigestBot.Tests.Pipeline;

/// <summary>
/// The bounce-rate circuit breaker against Postfix smtp-sink answering every RCPT with a 5xx (<c>-f RCPT</c>): 300 readers
/// in batches of 50, one batch at a time, so the first batch alone decides.
/// </summary>
public sealed class BounceBreakerTests
{
    private const int Readers = 300;
    private const int BatchSize = 50;

    [SkippableFact]
    public async Task SendNow_firstBatchRefused_pausesRestUntilResumeThenSendsRestOnce()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var sink = await SmtpSink.StartAsync("-f RCPT");
        await using var app = CreateApp(sink.Port, 0.05);
        var probe = new StoreProbe(new StorageOptions { SqlitePath = "data/digestbot.db" }, app.Root);

        await using (var first = WorkerProcess.Start(app.Root, "send-now", "daily"))
        {
            Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(180)) == 3, first.Output);
            Assert.Contains("paused: hard-bounce rate 100% (50 of 50) above 5%", first.Output, StringComparison.Ordinal);
        }

        Assert.Empty(sink.Messages());
        Assert.Equal(BatchSize, await probe.ScalarAsync("SELECT COUNT(*) FROM email_deliveries WHERE status = 'failed' AND last_error LIKE '5%'"));
        Assert.Equal(BatchSize, await probe.ScalarAsync("SELECT COUNT(*) FROM email_deliveries"));
        Assert.Equal(1, await probe.ScalarAsync("SELECT COUNT(*) FROM email_batches WHERE status = 'done'"));
        Assert.Equal(await probe.ScalarAsync("SELECT COUNT(*) FROM email_batches") - 1, await probe.ScalarAsync("SELECT COUNT(*) FROM email_batches WHERE status = 'pending'"));
        Assert.Equal(["paused|hard-bounce rate 100% (50 of 50) above 5%"], await probe.ColumnAsync("SELECT status || '|' || error FROM editions"));

        await using (var web = await WorkerHost.StartAsync(CreateApp(sink.Port, 0.05, app.Config["Storage"]!["SqlitePath"]!.GetValue<string>())))
        {
            var edition = WorkerHost.Digest(await WorkerHost.StatusJsonAsync(web), "daily")["editions"]![0]!;
            Assert.Equal("paused", edition["status"]!.GetValue<string>());
            Assert.Equal("hard-bounce rate 100% (50 of 50) above 5%", edition["error"]!.GetValue<string>());
        }

        await sink.StopAsync();
        await sink.RestartAsync();
        await using (var resume = WorkerProcess.Start(app.Root, "send-now", "daily", "--resume"))
        {
            // Nothing this run sent failed (exit 0); the first batch's refusals stay in the ledger, so the edition ends partial.
            Assert.True(await resume.WaitForExitAsync(TimeSpan.FromSeconds(180)) == 0, resume.Output);
        }

        var recipients = (await sink.WaitForMessagesAsync(Readers - BatchSize, TimeSpan.FromSeconds(30))).SelectMany(m => m.Recipients).ToList();
        var refused = await probe.ColumnAsync("SELECT email FROM email_deliveries WHERE status = 'failed'");
        Assert.Equal(Readers - BatchSize, recipients.Count);
        Assert.Equal(Readers - BatchSize, recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Empty(recipients.Intersect(refused, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(Readers - BatchSize, await probe.ScalarAsync("SELECT COUNT(*) FROM email_deliveries WHERE status = 'sent'"));
        Assert.Equal(["partial"], await probe.ColumnAsync("SELECT status FROM editions"));

        await using var again = WorkerProcess.Start(app.Root, "send-now", "daily", "--resume");
        Assert.True(await again.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 2, again.Output);
    }

    [SkippableFact]
    public async Task RunAsync_rateNotAboveThreshold_sendsEveryBatch()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var sink = await SmtpSink.StartAsync("-f RCPT");
        // Every message is refused: a rate of 100% is not above a threshold of 100%.
        await using var app = CreateApp(sink.Port, 1.0);
        await app.StartAsync();

        var outcome = await app.Get<DigestPipeline>().RunAsync("daily", DateTimeOffset.UtcNow).WaitAsync(TimeSpan.FromSeconds(180));

        var probe = new StoreProbe(new StorageOptions { SqlitePath = "data/digestbot.db" }, app.Root);
        Assert.Equal(EditionOutcomeStatus.Partial, outcome.Status);
        Assert.Equal(Readers, await probe.ScalarAsync("SELECT COUNT(*) FROM email_deliveries WHERE status = 'failed' AND last_error LIKE '5%'"));
        Assert.Equal(0, await probe.ScalarAsync("SELECT COUNT(*) FROM email_batches WHERE status <> 'done'"));
    }

    private static TestApp CreateApp(int smtpPort, double pauseAboveRate, string? sharedDatabase = null)
    {
        var app = TestApp.Create(c =>
        {
            c["Logging"]!["LogLevel"]!["Default"] = "Warning";
            c["Smtp"]!["Port"] = smtpPort;
            c["Email"]!["Bounces"] = new JsonObject { ["PauseAboveRate"] = pauseAboveRate, ["PauseMinimumSent"] = BatchSize };
            c["FanOut"] = new JsonObject { ["BatchSize"] = BatchSize, ["ParallelBatches"] = 1, ["PollInterval"] = "00:00:00.200" };
            TestApp.AddReaders(c, Readers, "D4");
            if (sharedDatabase is not null)
            {
                c["Storage"]!["SqlitePath"] = sharedDatabase;
            }
        });
        app.AddWireStory(DateTimeOffset.UtcNow);
        return app;
    }
}
