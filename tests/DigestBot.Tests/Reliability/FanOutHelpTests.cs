using System.Text.Json.Nodes;
using DigestBot.Editions;
using DigestBot.Pipeline;
using DigestBot.Store;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Reliability;

/// <summary>
/// Two nodes (two application instances on one database): one owns the edition, the other only looks for free batches,
/// as an idle worker does. The SMTP server answers each DATA after a second, so the owner alone would need a second
/// per subscriber and the helper is sure to find work.
/// </summary>
public sealed class FanOutHelpTests
{
    private const int Subscribers = 8;

    [SkippableFact]
    public async Task HelpAsync_secondNodeIdle_takesBatchesAndEveryoneGetsOneMessage()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var sink = await SmtpSink.StartAsync("-w 1");
        var now = DateTimeOffset.UtcNow;
        await using var owner = CreateApp(sink.Port, null);
        var databasePath = owner.Config["Storage"]!["SqlitePath"]!.GetValue<string>();
        await using var helper = CreateApp(sink.Port, databasePath);
        owner.AddWireStory(now);
        await owner.StartAsync();
        await helper.StartAsync();

        var run = owner.Get<DigestPipeline>().RunAsync("daily", now);
        var batches = helper.Get<EmailBatchStore>();
        IReadOnlyList<string> open;
        while ((open = await batches.EditionsWithClaimableBatchesAsync()).Count == 0)
        {
            Assert.False(run.IsCompleted, "the owner finished before the helper found a free batch");
            await Task.Delay(20);
        }

        var digest = await helper.Get<EditionContentStore>().LoadAsync(Assert.Single(open));
        await helper.Get<EditionFanOut>().HelpAsync(digest!, CancellationToken.None);
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(60));

        var probe = new StoreProbe(new DigestBot.Options.StorageOptions { SqlitePath = databasePath }, owner.Root);
        var recipients = sink.Messages().SelectMany(m => m.Recipients).ToList();
        Assert.Equal(EditionOutcomeStatus.Sent, outcome.Status);
        Assert.Equal(Subscribers, recipients.Count);
        Assert.Equal(Subscribers, recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(2, await probe.ScalarAsync("SELECT COUNT(DISTINCT owner) FROM email_batches"));
    }

    private static TestApp CreateApp(int smtpPort, string? sharedDatabase) => TestApp.Create(c =>
    {
        c["Smtp"]!["Port"] = smtpPort;
        c["FanOut"] = new JsonObject { ["BatchSize"] = 2, ["PollInterval"] = "00:00:00.100" };
        if (sharedDatabase is not null)
        {
            c["Storage"]!["SqlitePath"] = sharedDatabase;
        }

        TestApp.AddReaders(c, Subscribers);
    });
}
