using DigestBot.Options;
using DigestBot.Store;
using Microsoft.Extensions.Hosting.Internal;

namespace DigestBot.Tests.Store;

/// <summary>What every SQLite connection the store opens is set to, on both the synchronous and asynchronous paths.</summary>
public sealed class SqliteConnectionSetupTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("digestbot-sqlite-setup-").FullName;

    [Fact]
    public async Task Open_eitherPath_smallPageCacheAndNormalSync()
    {
        var database = new Database(Microsoft.Extensions.Options.Options.Create(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = "store.db" }),
            new HostingEnvironment { ContentRootPath = root });

        await using (var connection = await database.OpenAsync())
        {
            Assert.Equal(-Database.SqliteCacheKib, await ScalarAsync(connection, "PRAGMA cache_size"));
            Assert.Equal(1, await ScalarAsync(connection, "PRAGMA synchronous"));
        }

        using (var connection = database.Open())
        {
            Assert.Equal(-Database.SqliteCacheKib, await ScalarAsync(connection, "PRAGMA cache_size"));
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    private static async Task<long> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
