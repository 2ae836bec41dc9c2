using DigestBot.Options;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Feedback;

/// <summary>The bounce and complaint policy on PostgreSQL: a fresh database per test in a cluster started for this class.</summary>
public sealed class PostgresFeedbackPolicyTests(PostgresFixture postgres) : FeedbackPolicyContractTests, IClassFixture<PostgresFixture>
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
