using DigestBot.Options;

namespace DigestBot.Tests.Editions;

/// <summary>Both nodes on one SQLite file.</summary>
public sealed class SqliteSkewedNodesTests : SkewedNodesTests, IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "digestbot-skew-" + Guid.NewGuid().ToString("N"));

    protected override Task<(StorageOptions? Storage, string SkipReason)> StorageAsync() =>
        Task.FromResult<(StorageOptions?, string)>((new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = Path.Combine(folder, "digestbot.db") }, ""));

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
