using System.Data.Common;
using System.Runtime.CompilerServices;
using DigestBot.Options;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DigestBot.Store;

/// <summary>Opens connections to the configured store. SQL in this project is written to run unchanged on SQLite and PostgreSQL.</summary>
public sealed class Database
{
    private readonly Lazy<string> connectionString;

    public Database(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        Provider = options.Value.Provider;
        connectionString = Provider switch
        {
            StorageProvider.Postgres => new(options.Value.PostgresConnectionString
                ?? throw new InvalidOperationException("Storage:PostgresConnectionString is required when Storage:Provider is Postgres.")),
            _ => SqliteConnectionStringOnFirstUse(Path.GetFullPath(options.Value.SqlitePath, environment.ContentRootPath)),
        };
    }

    /// <summary>The page cache each SQLite connection may fill, in KiB.</summary>
    public const int SqliteCacheKib = 256;

    public StorageProvider Provider { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = NewConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (SetUp(connection) is { } setUp)
            {
                await using (setUp)
                {
                    await setUp.ExecuteNonQueryAsync(cancellationToken);
                }
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
        var connection = NewConnection();
        try
        {
            connection.Open();
            using (var setUp = SetUp(connection))
            {
                setUp?.ExecuteNonQuery();
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private DbConnection NewConnection() => Provider == StorageProvider.Postgres
        ? NewPostgresConnection(connectionString.Value)
        : new SqliteConnection(connectionString.Value);

    // Out of line so that a SQLite installation never loads Npgsql: compiling a method loads every assembly it names.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbConnection NewPostgresConnection(string connectionString) => new NpgsqlConnection(connectionString);

    /// <summary>What each new SQLite connection runs first; nothing for PostgreSQL.</summary>
    private DbCommand? SetUp(DbConnection connection)
    {
        if (Provider != StorageProvider.Sqlite)
        {
            return null;
        }

        // In WAL mode NORMAL still survives a killed process (only an OS crash or power cut can lose the last
        // commits); FULL would fsync on every ledger row and cap a fan-out at tens of messages a second.
        // A 256 KiB page cache per connection instead of SQLite's 2 MB: the fan-out's connections each filled theirs,
        // 6 MB of a 100,000-reader send-now's peak, and sent no faster for it (bench/README.md, "warm process").
        var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA synchronous = NORMAL; PRAGMA cache_size = -{SqliteCacheKib}";
        return pragma;
    }

    // A process that never opens the store (ingest, though the fetcher it uses depends on one) then loads no SQLite
    // library and creates no data folder. A failure (the folder cannot be created) is not kept: the next open tries again.
    private static Lazy<string> SqliteConnectionStringOnFirstUse(string path) =>
        new(() => SqliteConnectionString(path), LazyThreadSafetyMode.PublicationOnly);

    private static string SqliteConnectionString(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Private caches: with WAL, readers never block the writer. A shared cache adds table locks between
            // connections of one process (SQLITE_LOCKED), and Microsoft.Data.Sqlite failed to prepare statements that
            // met such a lock while another connection ran a migration (ArgumentOutOfRangeException on open).
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }
}
