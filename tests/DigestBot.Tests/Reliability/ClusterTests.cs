using System.Text.Json.Nodes;
using DigestBot.Options;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Reliability;

/// <summary>Two worker processes on one PostgreSQL database, clustered Quartz, the same digest firing every two seconds.</summary>
public sealed class ClusterTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const int Subscribers = 120;

    [SkippableFact]
    public async Task Run_twoClusteredWorkers_sendEachEditionOnce()
    {
        Skip.If(postgres.Server is null, PostgresServer.MissingMessage);
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var sink = await SmtpSink.StartAsync();
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var now = DateTimeOffset.UtcNow;
        await using var app = TestApp.Create(c =>
        {
            c["Digests"]!["daily"]!["Cron"] = "*/2 * * * * ?";
            c["Smtp"]!["Port"] = sink.Port;
            c["Storage"] = new JsonObject { ["Provider"] = "Postgres", ["PostgresConnectionString"] = connectionString };
            c["Scheduling"] = new JsonObject { ["Clustered"] = true, ["ClusterCheckinInterval"] = "00:00:01" };
            c["FanOut"] = new JsonObject { ["BatchSize"] = 10, ["PollInterval"] = "00:00:00.200" };
            TestApp.AddReaders(c, Subscribers, "D3");
        });
        app.AddWireStory(now);
        var probe = new StoreProbe(new StorageOptions { Provider = StorageProvider.Postgres, PostgresConnectionString = connectionString }, app.Root);

        await using var one = WorkerProcess.Start(app.Root, "run");
        await using var two = WorkerProcess.Start(app.Root, "run");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
        // Run until the digest was sent, at least two more slots fired (and found nothing new to send), and both nodes
        // joined the cluster: a node still starting up when SIGTERM arrives has no handler yet and dies with 143.
        while (await SafeScalarAsync(probe, "SELECT COUNT(*) FROM editions WHERE status = 'empty'") < 2
               || await SafeScalarAsync(probe, "SELECT COUNT(*) FROM editions WHERE status = 'sent'") < 1
               || await SafeScalarAsync(probe, "SELECT COUNT(*) FROM qrtz_scheduler_state") < 2)
        {
            Assert.False(one.HasExited || two.HasExited, one.Output + "\n---\n" + two.Output);
            Assert.True(DateTime.UtcNow < deadline, one.Output + "\n---\n" + two.Output);
            await Task.Delay(200);
        }

        Assert.Equal(0, await one.TerminateAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, await two.TerminateAsync(TimeSpan.FromSeconds(30)));

        var recipients = sink.Messages().SelectMany(m => m.Recipients).ToList();
        Assert.Equal(Subscribers, recipients.Count);
        Assert.Equal(Subscribers, recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(1, await probe.ScalarAsync("SELECT COUNT(*) FROM editions WHERE status = 'sent'"));
        // A slot that fired as SIGTERM arrived may be left claimed, but handed back (lease 0) for the next run, never held.
        Assert.Equal(0, await probe.ScalarAsync("SELECT COUNT(*) FROM editions WHERE status NOT IN ('sent', 'empty') AND lease_until <> 0"));
        Assert.Equal(0, await probe.ScalarAsync("SELECT COUNT(*) FROM email_batches WHERE status = 'claimed'"));
        Assert.Equal(2, await probe.ScalarAsync("SELECT COUNT(*) FROM qrtz_scheduler_state"));
    }

    private static async Task<long> SafeScalarAsync(StoreProbe probe, string sql)
    {
        try
        {
            return await probe.ScalarAsync(sql);
        }
        catch (Npgsql.PostgresException)
        {
            return 0; // the workers have not migrated the database yet
        }
    }
}
