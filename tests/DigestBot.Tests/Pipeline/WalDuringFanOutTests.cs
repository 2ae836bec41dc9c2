using System.Text.Json.Nodes;
using DigestBot.Pipeline;
using DigestBot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace DigestBot.Tests.Pipeline;

/// <summary>
/// A fan-out on SQLite while read transactions always overlap, as the subscriber pages, ledger checks, claims and lease
/// renewals of a large fan-out do: SQLite's own checkpoints copy the log into the database but can never start it
/// over, so without checkpoints that wait for the readers the write-ahead log grows with every message sent.
/// </summary>
public sealed class WalDuringFanOutTests
{
    private const int Subscribers = 2000;

    /// <summary>SQLite's automatic checkpoint runs at 1000 pages (4 MB); the log should never be much more than that.</summary>
    private const long WalBound = 8L * 1024 * 1024;

    [SkippableFact]
    public async Task RunAsync_readersAlwaysOverlap_writeAheadLogStaysBounded()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var sink = await SmtpSink.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await using var app = TestApp.Create(c =>
        {
            c["Smtp"]!["Port"] = sink.Port;
            c["FanOut"] = new JsonObject { ["BatchSize"] = 100 };
            TestApp.AddReaders(c, Subscribers, "D4");
        });
        app.AddWireStory(now);
        await app.StartAsync();
        var databasePath = app.Config["Storage"]!["SqlitePath"]!.GetValue<string>();

        using var stopReaders = new CancellationTokenSource();
        var readers = OverlappingReadersAsync(databasePath, stopReaders.Token);
        var outcome = await app.Get<DigestPipeline>().RunAsync("daily", now).WaitAsync(TimeSpan.FromMinutes(3));
        await stopReaders.CancelAsync();
        var largest = await readers;

        Assert.Equal(EditionOutcomeStatus.Sent, outcome.Status);
        Assert.Equal(Subscribers, (await sink.WaitForMessagesAsync(Subscribers, TimeSpan.FromSeconds(30))).Count);
        Assert.True(largest < WalBound, $"the write-ahead log reached {largest:N0} bytes during the fan-out");
        Assert.True(new FileInfo(databasePath + "-wal").Length < WalBound, $"the write-ahead log was {new FileInfo(databasePath + "-wal").Length:N0} bytes at the end");
    }

    /// <summary>
    /// Two connections taking turns, each holding a read transaction for 20 ms that begins 10 ms before the other's
    /// ends, so some reader always holds a snapshot; returns the largest write-ahead log seen.
    /// </summary>
    private static async Task<long> OverlappingReadersAsync(string databasePath, CancellationToken stop)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        await using var first = new SqliteConnection(connectionString);
        await using var second = new SqliteConnection(connectionString);
        await first.OpenAsync(stop);
        await second.OpenAsync(stop);
        var largest = 0L;
        var turn = 0;
        var held = new SqliteTransaction?[2];
        SqliteConnection[] connections = [first, second];
        while (!stop.IsCancellationRequested)
        {
            var mine = turn++ % 2;
            held[mine] = connections[mine].BeginTransaction(deferred: true);
            await using (var read = connections[mine].CreateCommand())
            {
                read.Transaction = held[mine];
                read.CommandText = "SELECT COUNT(*) FROM subscribers";
                await read.ExecuteScalarAsync(CancellationToken.None);
            }

            // The other reader's transaction ends only once this one holds its snapshot.
            if (held[1 - mine] is { } other)
            {
                other.Commit();
                other.Dispose();
                held[1 - mine] = null;
            }

            largest = Math.Max(largest, File.Exists(databasePath + "-wal") ? new FileInfo(databasePath + "-wal").Length : 0);
            await Task.Delay(10, CancellationToken.None);
        }

        foreach (var transaction in held)
        {
            transaction?.Commit();
            transaction?.Dispose();
        }

        return largest;
    }
}
