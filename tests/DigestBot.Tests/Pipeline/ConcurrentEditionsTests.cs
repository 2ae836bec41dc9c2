using System.Text.Json.Nodes;
using DigestBot.Pipeline;
using DigestBot.Tests.Support;
using Npgsql;

namespace DigestBot.Tests.Pipeline;

/// <summary>
/// Two editions of one digest for different slots built at the same moment, as happens in a cluster when one node's
/// start-up catch-up runs while another node is still building the previous slot. Each picks its articles before
/// either has recorded them; a lock held by the test on edition_articles makes that overlap certain instead of
/// depending on machine load.
/// </summary>
public sealed class ConcurrentEditionsTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const int Subscribers = 20;

    [SkippableFact]
    public async Task RunAsync_twoSlotsBuiltAtOnce_eachSubscriberGetsTheStoryOnce()
    {
        Skip.If(postgres.Server is null, PostgresServer.MissingMessage);
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var sink = await SmtpSink.StartAsync();
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var now = DateTimeOffset.UtcNow;
        await using var app = TestApp.Create(c =>
        {
            c["Smtp"]!["Port"] = sink.Port;
            c["Storage"] = new JsonObject { ["Provider"] = "Postgres", ["PostgresConnectionString"] = connectionString };
            c["FanOut"] = new JsonObject { ["BatchSize"] = 10, ["PollInterval"] = "00:00:00.100" };
            TestApp.AddReaders(c, Subscribers, "D2");
        });
        app.AddWireStory(now);
        await app.StartAsync();
        var pipeline = app.Get<DigestPipeline>();
        var slot = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero);

        await using var blocker = new NpgsqlConnection(connectionString);
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await Execute(blocker, "LOCK TABLE edition_articles IN EXCLUSIVE MODE");
        var first = pipeline.RunAsync("daily", slot);
        var second = pipeline.RunAsync("daily", slot.AddSeconds(2));
        await WaitForBlockedAsync(connectionString, 2, first, second);
        await hold.CommitAsync();
        var outcomes = await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(60));

        var recipients = sink.Messages().SelectMany(m => m.Recipients).ToList();
        Assert.Equal(Subscribers, recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(Subscribers, recipients.Count);
        Assert.Equal([EditionOutcomeStatus.Sent, EditionOutcomeStatus.Empty], outcomes.Select(o => o.Status).Order());
    }

    /// <summary>Waits until <paramref name="count"/> sessions wait on a lock, i.e. both editions have ranked their articles.</summary>
    private static async Task WaitForBlockedAsync(string connectionString, int count, params Task[] runs)
    {
        // Its own connection: inside a transaction PostgreSQL keeps showing the pg_stat_activity it saw first.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
            if ((long)(await command.ExecuteScalarAsync())! >= count)
            {
                return;
            }

            Assert.All(runs, r => Assert.False(r.IsCompleted, r.IsFaulted ? r.Exception!.ToString() : "an edition finished without recording"));
            Assert.True(DateTime.UtcNow < deadline, "the editions never reached the point of recording their articles");
            await Task.Delay(20);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
