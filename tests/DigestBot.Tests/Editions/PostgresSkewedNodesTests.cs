using DigestBot.Options;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Editions;

/// <summary>Both nodes on one PostgreSQL database, a fresh one per test in a cluster started for this class.</summary>
public sealed class PostgresSkewedNodesTests(PostgresFixture postgres) : SkewedNodesTests, IClassFixture<PostgresFixture>
{
    protected override async Task<(StorageOptions? Storage, string SkipReason)> StorageAsync()
    {
        if (postgres.Server is null)
        {
            return (null, PostgresServer.MissingMessage);
        }

        return (new StorageOptions { Provider = StorageProvider.Postgres, PostgresConnectionString = await postgres.Server.CreateDatabaseAsync() }, "");
    }
}
