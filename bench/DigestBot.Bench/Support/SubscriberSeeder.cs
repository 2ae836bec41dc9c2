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
}
