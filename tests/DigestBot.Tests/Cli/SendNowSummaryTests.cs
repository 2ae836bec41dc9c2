using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Cli;

/// <summary>The lines <c>send-now</c> prints against the log lines of the same run (a real process and smtp-sink).</summary>
public sealed partial class SendNowSummaryTests : IAsyncLifetime
{
    private MailAndDiscordPeers? peers;

    public async Task InitializeAsync() => peers = await MailAndDiscordPeers.StartAsync();

    public async Task DisposeAsync()
    {
        if (peers is not null)
        {
            await peers.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task SendNow_subscriberWithNothingToRead_summaryCountsSkippedAndFailedAsTheLogDoes()
    {
        Skip.If(peers?.Sink is null, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var app = TestApp.Create(c =>
        {
            c["Logging"]!["LogLevel"]!["Default"] = "Information";
            c["Sections"]!["energy"] = new JsonObject { ["Title"] = "Energy News", ["TopN"] = 3 };
            c["Digests"]!["daily"]!["Sections"] = new JsonArray("space", "energy");
            c["Smtp"]!["Port"] = peers!.Sink!.Port;
            c["FanOut"] = new JsonObject { ["BatchSize"] = 2 }; // two batches, two log lines to add up
        });
        app.AddSubscriber("one@example.org");
        app.AddSubscriber("two@example.org");
        app.AddSubscriber("three@example.org", null, "space");
        app.AddSubscriber("energy-only@example.org", null, "energy"); // energy has no story today
        app.AddWireStory(DateTimeOffset.UtcNow);

        await using var process = WorkerProcess.Start(app.Root, "send-now", "daily");
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(240));

        Assert.True(exit == 0, $"exit {exit}:\n{process.Output}");
        var logged = BatchLogLine().Matches(process.Output).Select(m => (Sent: int.Parse(m.Groups[1].Value), Failed: int.Parse(m.Groups[2].Value), Skipped: int.Parse(m.Groups[3].Value))).ToList();
        Assert.True(logged.Count >= 2, process.Output); // one line per batch
        var summary = SummaryEmailLine().Match(process.Output);
        Assert.True(summary.Success, process.Output);
        Assert.Equal((3, 0, 1), (int.Parse(summary.Groups[1].Value), int.Parse(summary.Groups[2].Value), int.Parse(summary.Groups[3].Value)));
        Assert.Equal((logged.Sum(l => l.Sent), logged.Sum(l => l.Failed), logged.Sum(l => l.Skipped)), (3, 0, 1));
        Assert.Matches(@"Edition daily@\S+: sent, 1 article\n", process.Output);
    }

    [GeneratedRegex(@"Edition daily@\S+: (\d+) emails? sent, (\d+) failed, (\d+) skipped")]
    private static partial Regex BatchLogLine();

    [GeneratedRegex(@"\n  email: (\d+) emails? sent, (\d+) failed, (\d+) skipped")]
    private static partial Regex SummaryEmailLine();
}
