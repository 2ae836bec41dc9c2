using DigestBot.Options;

namespace DigestBot.Tests.Feedback;

public sealed class SqliteFeedbackPolicyTests : FeedbackPolicyContractTests
{
    protected override Task<(StorageOptions? Options, string SkipReason)> StorageAsync() =>
        Task.FromResult<(StorageOptions?, string)>((new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = $"data/feedback-{Guid.NewGuid():N}.db" }, ""));
}
