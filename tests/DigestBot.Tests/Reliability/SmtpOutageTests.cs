using System.Text.Json.Nodes;
using DigestBot.Pipeline;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Reliability;

/// <summary>The SMTP server goes away in the middle of a fan-out and comes back: the edition still completes.</summary>
public sealed class SmtpOutageTests
{
    private const int Subscribers = 150;
    private const int ParallelBatches = 2;
    private const int Connections = 1;

    [SkippableFact]
    public async Task RunAsync_smtpDownMidFanOutThenUp_completesWithEverySubscriber()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        var first = await SmtpSink.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await using var app = TestApp.Create(c =>
        {
            c["Smtp"]!["Port"] = first.Port;
            c["Smtp"]!["Connections"] = Connections; // the node's only SMTP session, whichever batch it sends: the duplicate bound counts sessions
            c["FanOut"] = new JsonObject { ["BatchSize"] = 25, ["ParallelBatches"] = ParallelBatches, ["RetryDelay"] = "00:00:00.250", ["PollInterval"] = "00:00:00.100" };
            TestApp.AddReaders(c, Subscribers, "D3");
        });
        app.AddWireStory(now);
        await app.StartAsync();

        var run = app.Get<DigestPipeline>().RunAsync("daily", now);
        await first.WaitForMessagesAsync(30, TimeSpan.FromSeconds(60));
        await first.StopAsync();
        var duringOutage = Directory.EnumerateFiles(first.Directory).Count();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(run.IsCompleted);
        await using var second = await SmtpSink.StartAsync(port: first.Port, directory: first.Directory);
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(90));

        var recipients = second.Messages().SelectMany(m => m.Recipients).ToList();
        Assert.Equal("sent", outcome.Status);
        Assert.InRange(duringOutage, 30, Subscribers - 1);
        Assert.Equal(Subscribers, recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.InRange(recipients.Count - Subscribers, 0, Connections);
    }
}
