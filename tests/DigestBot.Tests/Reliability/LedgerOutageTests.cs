using System.Text.Json.Nodes;
using DigestBot.Options;
using DigestBot.Pipeline;
using DigestBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Reliability;

/// <summary>
/// The ledger cannot be written in the middle of a fan-out (the disk filled up): sending stops with a clear error,
/// the batch is handed back and retried, and once the store takes writes again the edition completes. Only the messages
/// accepted by the server whose rows could not be written go out twice: at most one per SMTP session per failure.
/// </summary>
public sealed class LedgerOutageTests
{
    private const int Subscribers = 60;
    private const int Connections = 2;

    [SkippableFact]
    public async Task RunAsync_ledgerUnwritableMidFanOutThenWritable_completesWithEverySubscriber()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var sink = await SmtpSink.StartAsync();
        var logs = new CapturingLoggerProvider();
        var now = DateTimeOffset.UtcNow;
        await using var app = TestApp.Create(c =>
        {
            c["Smtp"]!["Port"] = sink.Port;
            c["Smtp"]!["Connections"] = Connections;
            c["FanOut"] = new JsonObject { ["BatchSize"] = Subscribers, ["RetryDelay"] = "00:00:01", ["PollInterval"] = "00:00:00.100" };
            TestApp.AddReaders(c, Subscribers, "D3");
        });
        app.AddWireStory(now);
        await app.StartAsync(configure: b => b.Services.AddSingleton<ILoggerProvider>(logs));
        var probe = new StoreProbe(new StorageOptions { SqlitePath = app.Config["Storage"]!["SqlitePath"]!.GetValue<string>() }, app.Root);
        // From the 20th row on, every ledger insert fails as it would on a full disk.
        await probe.ScalarAsync(
            """
            CREATE TRIGGER ledger_full BEFORE INSERT ON email_deliveries
            WHEN (SELECT COUNT(*) FROM email_deliveries) >= 20
            BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END
            """);

        var run = app.Get<DigestPipeline>().RunAsync("daily", now);
        var failed = await logs.WaitForAsync(e => e.EventId.Id == 3203, TimeSpan.FromSeconds(60));
        Assert.False(run.IsCompleted);
        // Rows commit in groups of at most one per connection, and a group that hits the full disk is rolled back whole.
        Assert.InRange(await probe.ScalarAsync("SELECT COUNT(*) FROM email_deliveries"), 20 - Connections + 1, 20);
        await probe.ScalarAsync("DROP TRIGGER ledger_full");
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(60));
        await sink.WaitForMessagesAsync(Subscribers, TimeSpan.FromSeconds(10));

        Assert.Contains("The email ledger could not be written (", failed.Exception?.Message ?? "", StringComparison.Ordinal);
        Assert.Contains("database or disk is full", failed.Exception?.Message ?? "", StringComparison.Ordinal);
        Assert.Equal(EditionOutcomeStatus.Sent, outcome.Status);
        Assert.Equal(Subscribers, await probe.ScalarAsync("SELECT COUNT(*) FROM email_deliveries WHERE status = 'sent'"));
        var recipients = sink.Messages().SelectMany(m => m.Recipients).ToList();
        Assert.Equal(Subscribers, recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var failures = logs.Entries.Count(e => e.EventId.Id == 3203);
        Assert.InRange(recipients.Count - Subscribers, 0, Connections * failures);
    }
}
