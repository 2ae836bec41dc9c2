using DigestBot.Options;
using DigestBot.Store;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigestBot.Tests.Support;

/// <summary>
/// Store tests run on each provider: a fresh, migrated database per test (a SQLite file in a temporary folder, or a
/// database of the shared PostgreSQL server), or a skip with the reason when the provider is not available here.
/// </summary>
public abstract class MigratedDatabaseTests(string name) : IAsyncLifetime
{
    private Database? database;
    private string skipReason = "";

    /// <summary>The folder relative SQLite paths resolve against; deleted after the test.</summary>
    protected string Root { get; } = Path.Combine(Path.GetTempPath(), $"digestbot-{name}-{Guid.NewGuid():N}");

    /// <summary>The migrated database; skips the test when its provider is not available.</summary>
    protected Database Db
    {
        get
        {
            Skip.If(database is null, skipReason);
            return database!;
        }
    }

    /// <summary>The storage to test, or null with a reason to skip.</summary>
    protected abstract Task<(StorageOptions? Options, string SkipReason)> StorageAsync();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        var (options, reason) = await StorageAsync();
        skipReason = reason;
        if (options is not null)
        {
            database = new Database(Microsoft.Extensions.Options.Options.Create(options), new HostingEnvironment { ContentRootPath = Root });
            await new Migrator(database, NullLogger<Migrator>.Instance).MigrateAsync();
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }
}
