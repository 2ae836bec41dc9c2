using DigestBot.Options;

namespace DigestBot.Tests.Store;

public sealed class SqlitePreferenceStoreTests : PreferenceStoreContractTests
{
    protected override Task<(StorageOptions? Options, string SkipReason)> StorageAsync() =>
        Task.FromResult<(StorageOptions?, string)>((new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = $"data/preferences-{Guid.NewGuid():N}.db" }, ""));
}
