using DigestBot.Options;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Store;

/// <summary>The preference store on PostgreSQL: a fresh database per test in a cluster started for this class.</summary>
public sealed class PostgresPreferenceStoreTests(PostgresFixture postgres) : PreferenceStoreContractTests, IClassFixture<PostgresFixture>
{
    protected override async Task<(StorageOptions? Options, string SkipReason)> StorageAsync()
    {
        if (postgres.Server is null)
        {
            return (null, PostgresServer.MissingMessage);
        }

        var connectionString = await postgres.Server.CreateDatabaseAsync();
        return (new StorageOptions { Provider = StorageProvider.Postgres, PostgresConnectionString = connectionString }, "");
    }
}
