using System.Diagnostics;
using System.Text.Json.Nodes;
using DigestBot.Editions;
using DigestBot.Hosting;
using DigestBot.Options;
using DigestBot.Pipeline;
using DigestBot.Tests.Reliability;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Editions;

/// <summary>
/// Two application instances on one database (<see cref="SqliteSkewedNodesTests"/>: one SQLite file,
/// <see cref="PostgresSkewedNodesTests"/>: one PostgreSQL database) whose clocks are 20 minutes apart. One of them is a
/// worker looking every 100 ms for abandoned editions and for batches to help with, as idle nodes do.
/// </summary>
public abstract class SkewedNodesTests
{
    private const int Readers = 8;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    /// <summary>The shared storage, or null with a reason to skip.</summary>
    protected abstract Task<(StorageOptions? Storage, string SkipReason)> StorageAsync();

    [SkippableFact]
    public async Task Recovery_fastClockWorkerBesideASlowClockOwner_takesNothingOver()
    {
        var storage = await SharedStorageAsync();
        // Each message takes a second, so the owner holds the edition and its one batch for several leases.
        await using var sink = await SmtpSink.StartAsync("-w 1");
        var now = DateTimeOffset.UtcNow;
        await using var owner = CreateApp(storage, sink.Port, now);
        await using var helper = CreateApp(storage, sink.Port, now);
        await owner.StartAsync(configure: b => TestApp.UseClock(b, SkewedClock.Slow()));
        var probe = new StoreProbe(storage, owner.Root);
        var run = owner.Get<DigestPipeline>().RunAsync("daily", now);
        // The helper starts once the batch is claimed: a batch still pending is any node's to take.
        while (await probe.ScalarAsync("SELECT COUNT(*) FROM email_batches WHERE status = 'claimed'") == 0)
        {
            Assert.False(run.IsCompleted, "the owner finished before it claimed its batch");
            await Task.Delay(20);
        }

        await helper.StartAsync(HostMode.Worker, b => TestApp.UseClock(b, SkewedClock.Fast()));
        Assert.False(run.IsCompleted, "the owner finished before the helper started looking for work");
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(60));

        var ownerId = owner.Get<NodeIdentity>().Id;
        Assert.Equal(EditionOutcomeStatus.Sent, outcome.Status);
        Assert.Equal([ownerId], await probe.ColumnAsync("SELECT owner FROM editions"));
        Assert.Equal([ownerId], await probe.ColumnAsync("SELECT DISTINCT owner FROM email_batches"));
        Assert.Equal(1, await probe.ScalarAsync("SELECT SUM(attempts) FROM email_batches"));
        AssertEveryReaderGotOneMessage(sink);
    }

    [SkippableFact]
    public async Task Recovery_fastClockOwnerStoppedRenewing_slowClockWorkerResumesAfterTheLease()
    {
        var storage = await SharedStorageAsync();
        await using var sink = await SmtpSink.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await using var helper = CreateApp(storage, sink.Port, now);
        await helper.StartAsync(HostMode.Worker, b => TestApp.UseClock(b, SkewedClock.Slow()));
        var probe = new StoreProbe(storage, helper.Root);

        // A node with a fast clock claims the slot and dies at once: it never renews.
        var dead = new EditionStore(helper.Get<DigestBot.Store.Database>(), SkewedClock.Fast(), new NodeIdentity());
        Assert.True((await dead.ClaimAsync("daily", now, Lease)).Owned);
        var sinceClaim = Stopwatch.StartNew();
        while (await probe.ScalarAsync("SELECT COUNT(*) FROM editions WHERE status = 'sent'") == 0)
        {
            Assert.True(sinceClaim.Elapsed < TimeSpan.FromSeconds(60), $"not resumed {sinceClaim.Elapsed} after a lease of {Lease}");
            await Task.Delay(50);
        }

        Assert.InRange(sinceClaim.Elapsed, Lease - TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(60));
        Assert.Equal([helper.Get<NodeIdentity>().Id], await probe.ColumnAsync("SELECT owner FROM editions"));
        AssertEveryReaderGotOneMessage(sink);
    }

    private async Task<StorageOptions> SharedStorageAsync()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        var (storage, reason) = await StorageAsync();
        Skip.If(storage is null, reason);
        return storage;
    }

    private static TestApp CreateApp(StorageOptions storage, int smtpPort, DateTimeOffset now)
    {
        var app = TestApp.Create(c =>
        {
            // A schedule that never fires during the test: the edition is started by hand, or left by a dead node.
            c["Digests"]!["daily"]!["Cron"] = "0 0 7 1 1 ? 2099";
            c["Smtp"]!["Port"] = smtpPort;
            c["Smtp"]!["Connections"] = 1;
            c["Storage"] = storage.Provider == StorageProvider.Postgres
                ? new JsonObject { ["Provider"] = "Postgres", ["PostgresConnectionString"] = storage.PostgresConnectionString }
                : new JsonObject { ["Provider"] = "Sqlite", ["SqlitePath"] = storage.SqlitePath };
            c["FanOut"] = new JsonObject { ["BatchSize"] = 100, ["Lease"] = Lease.ToString(), ["PollInterval"] = "00:00:00.100" };
            TestApp.AddReaders(c, Readers);
        });
        app.AddWireStory(now);
        return app;
    }

    private static void AssertEveryReaderGotOneMessage(SmtpSink sink)
    {
        var recipients = sink.Messages().SelectMany(m => m.Recipients).ToList();
        Assert.Equal(Readers, recipients.Count);
        Assert.Equal(Readers, recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
