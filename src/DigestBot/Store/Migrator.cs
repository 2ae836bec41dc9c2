using System.Data.Common;
using System.Reflection;
using Dapper;
using DigestBot.Options;
using Microsoft.Extensions.Logging;

namespace DigestBot.Store;

/// <summary>
/// Applies the numbered SQL scripts embedded from Store/Migrations in order, once each, recording them in schema_migrations.
/// </summary>
public sealed partial class Migrator(Database database, ILogger<Migrator> logger)
{
    private const string ResourcePrefix = "DigestBot.Store.Migrations.";

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.Provider == StorageProvider.Sqlite)
        {
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL;", cancellationToken: cancellationToken));
        }

        var create = new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)",
            cancellationToken: cancellationToken);
        try
        {
            await connection.ExecuteAsync(create);
        }
        catch (DbException)
        {
            // PostgreSQL's IF NOT EXISTS is not atomic: a node creating the table at the same instant wins, and then it exists.
            await connection.ExecuteAsync(create);
        }
        var applied = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM schema_migrations", cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);

        foreach (var (name, sql) in Scripts())
        {
            if (applied.Contains(name))
            {
                continue;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Claim the script before running it: a second node starting at the same moment blocks on this row until
            // the first commits, then finds it taken and skips the script instead of failing on "already exists".
            var claimed = await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (@name, @now) ON CONFLICT DO NOTHING",
                new { name, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
            if (claimed == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            LogApplied(logger, name);
        }
    }

    internal static IEnumerable<(string Name, string Sql)> Scripts()
    {
        var assembly = typeof(Migrator).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (resource[ResourcePrefix.Length..^4], reader.ReadToEnd());
        }
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Applied database migration {Migration}")]
    private static partial void LogApplied(ILogger logger, string migration);
}
