using DigestBot.Options;

namespace DigestBot.Tests.Store;

public sealed class SqliteConsentTests : ConsentContractTests
{
    protected override Task<(StorageOptions? Options, string SkipReason)> StorageAsync() =>
        Task.FromResult<(StorageOptions?, string)>((new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = $"data/consent-{Guid.NewGuid():N}.db" }, ""));
}
