using System.Text.Json.Nodes;
using DigestBot.Pipeline;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Reliability;

/// <summary>The SMTP server goes away in the middle of a fan-out and comes back: the edition still completes.</summary>
public sealed class SmtpOutageTests
{
    private const int Subscribers = 150;
    private const int ParallelBatches = 2;
    private const int Connections = 1;
    private const int Paused = 5020;
    private const int Resumed = 5021;

    [SkippableFact]
    public async Task RunAsync_smtpDownMidFanOutThenUp_completesWithEverySubscriber()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var sink = await SmtpSink.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var logs = new CapturingLoggerProvider();
        await using var app = TestApp.Create(c =>
        {
            c["Logging"]!["LogLevel"]!["DigestBot.Deliver.Email"] = "Information";
            c["Smtp"]!["Port"] = sink.Port;
            c["Smtp"]!["Connections"] = Connections; // the node's only SMTP session, whichever batch it sends: the duplicate bound counts sessions
            c["FanOut"] = new JsonObject { ["BatchSize"] = 25, ["ParallelBatches"] = ParallelBatches, ["RetryDelay"] = "00:00:00.250", ["PollInterval"] = "00:00:00.100" };
            TestApp.AddReaders(c, Subscribers, "D3");
        });
        app.AddWireStory(now);
        await app.StartAsync(configure: b => b.Logging.AddProvider(logs));

        var run = app.Get<DigestPipeline>().RunAsync("daily", now);
        await sink.WaitForMessagesAsync(30, TimeSpan.FromSeconds(60));
        await sink.StopAsync();
        var duringOutage = Directory.EnumerateFiles(sink.Directory).Count();
        // The node has found the server gone and is waiting it out, not finishing the edition without it.
        await logs.WaitForAsync(e => e.EventId.Id == Paused, TimeSpan.FromSeconds(60));
        Assert.False(run.IsCompleted);
        await sink.RestartAsync();
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(90));

        var recipients = sink.Messages().SelectMany(m => m.Recipients).ToList();
        Assert.Equal(EditionOutcomeStatus.Sent, outcome.Status);
        Assert.InRange(duringOutage, 30, Subscribers - 1);
        Assert.Equal(Subscribers, recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.InRange(recipients.Count - Subscribers, 0, Connections);
        Assert.Contains(logs.Entries, e => e.EventId.Id == Resumed);
    }
}
