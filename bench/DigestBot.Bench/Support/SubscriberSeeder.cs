using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DigestBot.Bench.Support;

/// <summary>Seeds subscribers straight into the SQLite store, in one transaction with a prepared statement.</summary>
public static class SubscriberSeeder
{
    public static string Email(int i) => $"reader{i.ToString("D7", CultureInfo.InvariantCulture)}@bench.example";

    public static async Task SeedAsync(string databasePath, int count, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            "INSERT INTO subscribers (email, name, sections, digests, status, created_at) VALUES ($email, $name, '', '', 'Active', $now) ON CONFLICT DO NOTHING";
        var email = insert.Parameters.Add("$email", SqliteType.Text);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        insert.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await insert.PrepareAsync(cancellationToken);
        for (var i = 0; i < count; i++)
        {
            email.Value = Email(i);
            name.Value = $"Reader {i}";
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The slot of a local-time edition every seeded reader is due for by now: 07:00 UTC two days ago, so even a reader
    /// at UTC-12 is past their time and every zone group's batch is due at once.
    /// </summary>
    public static DateTimeOffset LocalTimeSlot => new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-2).AddHours(7);

    /// <summary>
    /// Puts the readers in 24 whole-hour zones (UTC-12 to UTC+11), each with its own hour, so the edition of
    /// <see cref="LocalTimeSlot"/> has 24 delivery groups, all past due and so sent at once.
    /// </summary>
    public static async Task SpreadOverZonesAsync(string databasePath, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        // Etc/GMT+N is N hours behind UTC (the POSIX sign).
        update.CommandText = """
            UPDATE subscribers SET
                time_zone = CASE WHEN rowid % 24 = 12 THEN 'Etc/UTC' WHEN rowid % 24 < 12 THEN 'Etc/GMT+' || (12 - rowid % 24) ELSE 'Etc/GMT-' || (rowid % 24 - 12) END,
                delivery_hour = (7 + (rowid % 24) - 12 + 24) % 24
            """;
        await update.ExecuteNonQueryAsync(cancellationToken);
    }
}
