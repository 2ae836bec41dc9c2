using System.Text.Json.Nodes;
using DigestBot.Options;
using DigestBot.Tests.Reliability;
using DigestBot.Tests.Support;
using Xunit.Abstractions;

namespace DigestBot.Tests.Scheduling;

/// <summary>Two worker processes on one PostgreSQL database deliver the same digest at readers' local time.</summary>
public sealed class LocalTimeClusterTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private const int DueReaders = 600;
    private const int LaterReaders = 40;

    [SkippableFact]
    public async Task Run_twoClusteredWorkers_eachDueReaderOnceAndBothNodesSend()
    {
        Skip.If(postgres.Server is null, PostgresServer.MissingMessage);
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var sink = await SmtpSink.StartAsync();
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var local = await LocalTimeProcessApp.CreateAsync(DueReaders, LaterReaders, c =>
        {
            c["Smtp"]!["Port"] = sink.Port;
            c["Smtp"]!["Connections"] = 2;
            // Paced per node, so the due batches outlast one node's claims and the other node finds some to take.
            c["Smtp"]!["MaxMessagesPerSecond"] = 25;
            c["Storage"] = new JsonObject { ["Provider"] = "Postgres", ["PostgresConnectionString"] = connectionString };
            c["Scheduling"] = new JsonObject { ["Clustered"] = true, ["ClusterCheckinInterval"] = "00:00:01" };
            c["FanOut"] = new JsonObject { ["BatchSize"] = 25, ["ParallelBatches"] = 2, ["Lease"] = "00:00:10", ["PollInterval"] = "00:00:00.200" };
        });
        var probe = new StoreProbe(new StorageOptions { Provider = StorageProvider.Postgres, PostgresConnectionString = connectionString }, local.App.Root);

        await using var one = WorkerProcess.Start(local.App.Root, "run");
        await using var two = WorkerProcess.Start(local.App.Root, "run");
        await local.ScheduleAsync(TimeSpan.FromSeconds(15), one, two);
        await Poll.UntilAsync(
            async () => one.HasExited || two.HasExited
                || await probe.ScalarAsync("SELECT COUNT(*) FROM email_deliveries WHERE status = 'sent'") >= DueReaders,
            TimeSpan.FromSeconds(150), "the two workers to send the due batches", () => one.Output + "\n---\n" + two.Output);
        Assert.False(one.HasExited || two.HasExited, one.Output + "\n---\n" + two.Output);
        Assert.Equal(0, await one.TerminateAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, await two.TerminateAsync(TimeSpan.FromSeconds(30)));

        var (unrecorded, ledger) = await LocalTimeProcessApp.MatchAsync(probe, sink);
        Assert.Empty(unrecorded);
        Assert.Equal(local.DueEmails.Order(StringComparer.Ordinal), ledger.Order(StringComparer.Ordinal));
        Assert.Empty(local.LaterEmails.Intersect(SinkHeaders.Read(sink.Directory).Select(m => m.Recipient), StringComparer.OrdinalIgnoreCase));
        Assert.Equal(1, await probe.ScalarAsync("SELECT COUNT(*) FROM editions"));
        Assert.Equal(0, await probe.ScalarAsync(
            $"SELECT COUNT(*) FROM email_batches WHERE group_zone = '{LocalTimeProcessApp.LaterZone}' AND status <> 'pending'"));
        var owners = await probe.ColumnAsync("SELECT owner || ' ' || COUNT(*) FROM email_batches WHERE status = 'done' GROUP BY owner");
        output.WriteLine($"ledger {ledger.Count}, sink {Directory.EnumerateFiles(sink.Directory).Count()}; done batches per node: {string.Join(", ", owners)}");
        Assert.Equal(2, owners.Count);
    }
}
