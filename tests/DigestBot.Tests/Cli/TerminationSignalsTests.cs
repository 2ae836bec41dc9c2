using DigestBot.Options;
using DigestBot.Tests.Reliability;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Cli;

/// <summary>
/// Real processes get SIGTERM twice and SIGINT twice in quick succession, as supervisors and <c>docker stop</c> do:
/// the process must stop the way one signal stops it, never abort (exit 134).
/// </summary>
public sealed class TerminationSignalsTests
{
    private const int Subscribers = 4;
    private const string Slot = "2026-01-14T07:00:00Z";
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(240);
    [Fact]
    public async Task Run_termTwiceThenIntTwice_stopsGracefullyWithExitZero()
    {
        await using var app = TestApp.Create(c => c["Logging"]!["LogLevel"]!["Default"] = "Information");
        await using var worker = WorkerProcess.Start(app.Root, "run");
        await worker.WaitForOutputAsync("Application started", Startup);

        await worker.SignalAsync("TERM", "TERM", "INT", "INT");
        var exit = await worker.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, $"exit {exit}:\n{worker.Output}");
        Assert.Contains("Application is shutting down", worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", worker.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SendNow_repeatedSignalsWhileTheServerIsSlow_finishesTheMessageInHandAndARerunCompletesTheEdition()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        // The server answers each message 3 s after its data: a stop takes that long, longer than System.CommandLine's
        // two seconds of patience.
        await using var sink = await SmtpSink.StartAsync("-w 3");
        await using var app = TestApp.Create(c =>
        {
            c["Logging"]!["LogLevel"]!["Default"] = "Information";
            c["Smtp"]!["Port"] = sink.Port;
            c["Smtp"]!["Connections"] = 1;
            TestApp.AddReaders(c, Subscribers, "D1");
        });
        app.AddWireStory(DateTimeOffset.UtcNow);
        var probe = new StoreProbe(new StorageOptions { SqlitePath = Path.Combine(app.Root, "data", "digestbot.db") }, app.Root);

        await using (var first = WorkerProcess.Start(app.Root, "send-now", "daily", "--slot", Slot))
        {
            var deadline = DateTime.UtcNow + Startup;
            while (!Directory.EnumerateFiles(sink.Directory).Any())
            {
                Assert.False(first.HasExited || DateTime.UtcNow > deadline, "No send in progress:\n" + first.Output);
                await Task.Delay(20);
            }

            await first.SignalAsync("TERM", "TERM", "INT", "INT");
            var exit = await first.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.True(exit == 3, $"exit {exit}:\n{first.Output}");
            ProcessOutput.AssertNoStackTrace(first.Output);
        }

        // The message the server was still answering went into the ledger; nothing is left claimed.
        var accepted = sink.Messages().Count;
        Assert.InRange(accepted, 1, Subscribers - 1);
        Assert.Equal(accepted, await probe.ScalarAsync("SELECT COUNT(*) FROM email_deliveries WHERE status = 'sent'"));
        Assert.Equal(0, await probe.ScalarAsync("SELECT COUNT(*) FROM email_batches WHERE status = 'claimed'"));
        Assert.Equal(0, await probe.ScalarAsync("SELECT lease_until FROM editions"));

        await using var second = WorkerProcess.Start(app.Root, "send-now", "daily", "--slot", Slot);
        Assert.True(await second.WaitForExitAsync(Startup) == 0, second.Output);
        var recipients = sink.Messages().SelectMany(m => m.Recipients).ToList();
        Assert.Equal(Subscribers, recipients.Count);
        Assert.Equal(Subscribers, recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
