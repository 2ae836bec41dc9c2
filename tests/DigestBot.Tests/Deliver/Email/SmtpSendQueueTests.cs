using System.Text.Json.Nodes;
using DigestBot.Pipeline;
using DigestBot.Tests.Support;
using Xunit.Abstractions;

namespace DigestBot.Tests.Deliver.Email;

/// <summary>
/// Smtp:Connections and Smtp:MaxMessagesPerSecond hold for the node as a whole: two editions (two digests due at the
/// same moment) are sent at once, each cut into small batches worked several at a time, and a local SMTP server counts
/// the sessions open at once and times every message it accepts.
/// </summary>
public sealed class SmtpSendQueueTests(ITestOutputHelper output)
{
    private const int Subscribers = 30;
    private const int Connections = 2;
    private const int PerSecond = 10;

    /// <summary>
    /// The pacer spaces sends 1/PerSecond apart, so a one-second window holds at most PerSecond + 1 slots. What the server
    /// sees is each slot plus the time to wake the sending thread and write the message, and that delay varies: on a
    /// loaded machine (two cores shared by several builds) by up to a few hundred milliseconds. Each 100 ms of spread
    /// can move one more message into a window, so 300 ms of it are allowed for: 3 more.
    /// </summary>
    private const int WindowTolerance = 1 + 3;

    [Fact]
    public async Task RunAsync_twoEditionsInParallelBatches_sessionsAndRateHoldForTheNode()
    {
        await using var server = RecordingSmtpServer.Start();
        var now = DateTimeOffset.UtcNow;
        var app = TestApp.Create(c =>
        {
            c["Digests"]!["evening"] = new JsonObject
            {
                ["Title"] = "Test Evening", ["Cron"] = "0 0 19 * * ?", ["TimeZone"] = "Europe/London",
                ["Sections"] = new JsonArray("space"), ["Email"] = true, ["Discord"] = new JsonArray(),
            };
            c["Smtp"]!["Port"] = server.Port;
            c["Smtp"]!["Connections"] = Connections;
            c["Smtp"]!["MaxMessagesPerSecond"] = PerSecond;
            c["FanOut"] = new JsonObject { ["BatchSize"] = 4, ["ParallelBatches"] = 3, ["PollInterval"] = "00:00:00.100" };
            TestApp.AddReaders(c, Subscribers, "D2");
        });
        EditionOutcome[] outcomes;
        (int Opened, int Open, int Quit) beforeStop;
        try
        {
            app.AddWireStory(now);
            await app.StartAsync();
            var pipeline = app.Get<DigestPipeline>();
            outcomes = await Task.WhenAll(pipeline.RunAsync("daily", now), pipeline.RunAsync("evening", now)).WaitAsync(TimeSpan.FromSeconds(120));
            beforeStop = server.Sessions;
        }
        finally
        {
            await app.DisposeAsync();
        }

        var accepted = server.Accepted;
        var busiest = server.MaxAcceptedWithin(TimeSpan.FromSeconds(1));
        var span = accepted.Max(m => m.At) - accepted.Min(m => m.At);
        output.WriteLine($"{accepted.Count} messages over {span.TotalSeconds:F2} s; at most {busiest} in one second; " +
            $"at most {server.MaxConcurrentSessions} sessions at once, {beforeStop.Opened} opened");
        Assert.Equal([EditionOutcomeStatus.Sent, EditionOutcomeStatus.Sent], outcomes.Select(o => o.Status));
        Assert.Equal(2 * Subscribers, accepted.Count);
        Assert.All(accepted.SelectMany(m => m.Recipients).CountBy(r => r), r => Assert.Equal(2, r.Value));
        Assert.Equal(Connections, server.MaxConcurrentSessions);
        Assert.InRange(busiest, PerSecond, PerSecond + WindowTolerance);
        // The sessions served every batch of both editions, stayed open between them, and were closed with QUIT when
        // the application was disposed.
        Assert.Equal((Connections, Connections, 0), beforeStop);
        Assert.Equal((Connections, 0, Connections), server.Sessions);
    }
}
