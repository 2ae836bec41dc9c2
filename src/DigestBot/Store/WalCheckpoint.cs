using System.Data.Common;
using DigestBot.Options;
using Microsoft.Extensions.Logging;

namespace DigestBot.Store;

/// <summary>
/// Starts SQLite's write-ahead log over during a long fan-out. SQLite's own checkpoint (every 1000 pages) is passive:
/// it copies the log into the database but restarts the log only when no reader still uses it, and a fan-out's readers
/// (subscriber pages, ledger checks, batch claims, lease renewals) always overlap. The log then grows with every
/// message (302 MB at 900,000) and every read searches a larger log index, so each message costs more as the edition
/// goes on. A RESTART checkpoint holds new writers back and waits, through the busy handler, until the readers of the
/// moment have finished; new readers then read the database file alone, so the next commit writes the log from its
/// start. The wait is capped so that the ledger writes of the sending threads are never held up for long: a
/// checkpoint that times out is simply tried again after the next batch. Nothing to do on PostgreSQL.
/// </summary>
public sealed partial class WalCheckpoint(Database database, ILogger<WalCheckpoint> logger)
{
    /// <summary>How long a checkpoint may wait for readers, and so hold back writers; reads in a fan-out take milliseconds.</summary>
    public static readonly TimeSpan ReaderWait = TimeSpan.FromMilliseconds(250);

    private int running;

    /// <summary>Checkpoints the whole log and restarts it, unless another checkpoint is under way.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (database.Provider != StorageProvider.Sqlite || Interlocked.Exchange(ref running, 1) == 1)
        {
            return;
        }

        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, $"PRAGMA busy_timeout = {(int)ReaderWait.TotalMilliseconds}", cancellationToken);
            try
            {
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(RESTART)";
                await using var result = await checkpoint.ExecuteReaderAsync(cancellationToken);
                if (await result.ReadAsync(cancellationToken))
                {
                    // One row: busy (1 when the wait ran out), frames in the log, frames copied into the database.
                    if (result.GetInt64(0) != 0)
                    {
                        LogReadersHeldOn(logger, ReaderWait);
                    }
                    else
                    {
                        LogRestarted(logger, result.GetInt64(2));
                    }
                }
            }
            finally
            {
                // The connection goes back to the pool: others keep Microsoft.Data.Sqlite's own retry on a busy database.
                await ExecuteAsync(connection, "PRAGMA busy_timeout = 0", CancellationToken.None);
            }
        }
        catch (DbException ex)
        {
            LogFailed(logger, ex);
        }
        finally
        {
            Volatile.Write(ref running, 0);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "SQLite write-ahead log restarted after {Frames} frames were copied into the database")]
    private static partial void LogRestarted(ILogger logger, long frames);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "SQLite write-ahead log not restarted: readers still used it after {Wait}; trying again after the next batch")]
    private static partial void LogReadersHeldOn(ILogger logger, TimeSpan wait);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "SQLite write-ahead log checkpoint failed; trying again after the next batch")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
