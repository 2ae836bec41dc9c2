using DigestBot.Options;

namespace DigestBot.Tests.Editions;

public sealed class SqliteLeaseClockTests : LeaseClockContractTests
{
    protected override Task<(StorageOptions? Options, string SkipReason)> StorageAsync() =>
        Task.FromResult<(StorageOptions?, string)>((new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = $"data/leases-{Guid.NewGuid():N}.db" }, ""));
}
