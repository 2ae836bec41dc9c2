using System.Data.Common;
using DigestBot.Options;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DigestBot.Store;

/// <summary>Opens connections to the configured store. SQL in this project is written to run unchanged on SQLite and PostgreSQL.</summary>
public sealed class Database
{
    private readonly string connectionString;

    public Database(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        Provider = options.Value.Provider;
        connectionString = Provider switch
        {
            StorageProvider.Postgres => options.Value.PostgresConnectionString
                ?? throw new InvalidOperationException("Storage:PostgresConnectionString is required when Storage:Provider is Postgres."),
            _ => SqliteConnectionString(Path.GetFullPath(options.Value.SqlitePath, environment.ContentRootPath)),
        };
    }

    public StorageProvider Provider { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Provider == StorageProvider.Postgres
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (Provider == StorageProvider.Sqlite)
            {
                // In WAL mode NORMAL still survives a killed process (only an OS crash or power cut can lose the
                // last commits); FULL would fsync on every ledger row and cap a fan-out at tens of messages a second.
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA synchronous = NORMAL";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The same as <see cref="OpenAsync"/>, for callers on threads of their own that block on I/O anyway.</summary>
    public DbConnection Open()
    {
        DbConnection connection = Provider == StorageProvider.Postgres
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            if (Provider == StorageProvider.Sqlite)
            {
                using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA synchronous = NORMAL";
                pragma.ExecuteNonQuery();
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string SqliteConnectionString(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Shared,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }
}
