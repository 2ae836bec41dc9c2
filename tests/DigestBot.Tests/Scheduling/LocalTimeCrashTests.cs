using System.Text.Json.Nodes;
using DigestBot.Options;
using DigestBot.Tests.Reliability;
using DigestBot.Tests.Support;
using Xunit.Abstractions;

namespace DigestBot.Tests.Scheduling;

/// <summary>
/// A real worker process delivering an edition at readers' local time is killed with SIGKILL after some of the batches
/// due were sent; a new worker on the same database takes the edition over once its leases run out.
/// </summary>
public sealed class LocalTimeCrashTests(ITestOutputHelper output)
{
    private const int DueReaders = 500;
    private const int LaterReaders = 50;
    // The node's only SMTP session: a SIGKILL can catch at most one message accepted by the server but not yet recorded.
    private const int Connections = 1;

    [SkippableFact]
    public async Task Run_killedMidEditionThenRestarted_everyDueReaderOnceButOneInFlightCopy()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var sink = await SmtpSink.StartAsync();
        await using var local = await LocalTimeProcessApp.CreateAsync(DueReaders, LaterReaders, c =>
        {
            c["Smtp"]!["Port"] = sink.Port;
            c["Smtp"]!["Connections"] = Connections;
            // Paced so the due batches take about 20 s and the kill lands mid-way even on a loaded machine.
            c["Smtp"]!["MaxMessagesPerSecond"] = 25;
            c["FanOut"] = new JsonObject { ["BatchSize"] = 50, ["ParallelBatches"] = 2, ["Lease"] = "00:00:04", ["PollInterval"] = "00:00:00.200" };
        });
        var probe = new StoreProbe(new StorageOptions { SqlitePath = local.App.Config["Storage"]!["SqlitePath"]!.GetValue<string>() }, local.App.Root);
        long atKill;
        await using (var first = WorkerProcess.Start(local.App.Root, "run"))
        {
            await local.ScheduleAsync(TimeSpan.FromSeconds(15), first);
            await Poll.UntilAsync(
                async () => first.HasExited || await probe.ScalarAsync("SELECT COUNT(*) FROM email_deliveries WHERE status = 'sent'") >= 100,
                TimeSpan.FromSeconds(120), "the first worker to send 100 messages", () => first.Output);
            Assert.False(first.HasExited, first.Output);
            await first.CrashAsync();
            atKill = await probe.ScalarAsync("SELECT COUNT(*) FROM email_deliveries WHERE status = 'sent'");
            output.WriteLine($"killed after {atKill} recorded, {Directory.EnumerateFiles(sink.Directory).Count()} in the sink");
        }

        Assert.InRange(atKill, 100, DueReaders - 1);
        await using var second = WorkerProcess.Start(local.App.Root, "run");
        await Poll.UntilAsync(
            async () => await probe.ScalarAsync("SELECT COUNT(*) FROM email_deliveries WHERE status = 'sent'") >= DueReaders,
            TimeSpan.FromSeconds(120), "the second worker to finish the due batches", () => second.Output);
        Assert.Equal(0, await second.TerminateAsync(TimeSpan.FromSeconds(30)));

        var (unrecorded, ledger) = await LocalTimeProcessApp.MatchAsync(probe, sink);
        output.WriteLine($"ledger {ledger.Count}, sink {Directory.EnumerateFiles(sink.Directory).Count()}, unrecorded in the sink {unrecorded.Count}");
        Assert.Equal(local.DueEmails.Order(StringComparer.Ordinal), ledger.Order(StringComparer.Ordinal));
        Assert.Empty(local.LaterEmails.Intersect(SinkHeaders.Read(sink.Directory).Select(m => m.Recipient), StringComparer.OrdinalIgnoreCase));
        // At most one copy per SMTP session the killed node had open, and only to a reader the ledger also records.
        Assert.InRange(unrecorded.Count, 0, Connections);
        Assert.All(unrecorded, m => Assert.Contains(m.Recipient, ledger, StringComparer.OrdinalIgnoreCase));
        // The later group's batches wait for their own time: pending, never sent early.
        var laterDue = local.Due.AddHours(3).ToUnixTimeMilliseconds();
        Assert.True(await probe.ScalarAsync($"SELECT COUNT(*) FROM email_batches WHERE group_zone = '{LocalTimeProcessApp.LaterZone}'") > 0);
        Assert.Equal(0, await probe.ScalarAsync(
            $"SELECT COUNT(*) FROM email_batches WHERE group_zone = '{LocalTimeProcessApp.LaterZone}' AND (status <> 'pending' OR due_at <> {laterDue})"));
    }
}
