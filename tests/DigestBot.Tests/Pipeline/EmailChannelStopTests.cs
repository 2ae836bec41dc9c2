using DigestBot.Pipeline;
using DigestBot.Tests.Reliability;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Pipeline;

public sealed class EmailChannelStopTests
{
    [SkippableFact]
    public async Task RunAsync_stoppedWhileWaitingForTheMailServer_endsInterruptedAndResumes()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var sink = await SmtpSink.StartAsync();
        await sink.StopAsync();
        var now = DateTimeOffset.UtcNow;
        await using var app = TestApp.Create(c =>
        {
            c["Smtp"]!["Port"] = sink.Port;
            TestApp.AddReaders(c, 2);
        });
        app.AddWireStory(now);
        await app.StartAsync();
        var probe = new StoreProbe(new DigestBot.Options.StorageOptions { SqlitePath = app.Config["Storage"]!["SqlitePath"]!.GetValue<string>() }, app.Root);

        using var stop = new CancellationTokenSource();
        var first = app.Get<DigestPipeline>().RunAsync("daily", now, stop.Token);
        // A batch is in hand and its first message waits for the server: the stop's grace runs out and cuts it off.
        await Poll.UntilAsync(async () => await probe.ScalarAsync("SELECT COUNT(*) FROM email_batches WHERE status = 'claimed'") > 0, TimeSpan.FromSeconds(60), "a claimed email batch");
        await stop.CancelAsync();

        var outcome = await first.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(EditionOutcomeStatus.Interrupted, outcome.Status);
        await sink.RestartAsync();
        Assert.Equal(EditionOutcomeStatus.Sent, (await app.Get<DigestPipeline>().RunAsync("daily", now)).Status);
        Assert.Equal(2, (await sink.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30))).Count);
    }
}
