using DigestBot.Options;

namespace DigestBot.Tests.Store;

public sealed class SqliteStoreTests : StoreContractTests
{
    protected override Task<(StorageOptions? Options, string SkipReason)> StorageAsync() =>
        Task.FromResult<(StorageOptions?, string)>((new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = $"data/store-{Guid.NewGuid():N}.db" }, ""));
}
