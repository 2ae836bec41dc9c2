using DigestBot.Fetch;
using DigestBot.Options;
using DigestBot.Store;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Fetch;

/// <summary>Parse -> map -> store against a temporary SQLite file: an article seen again is stored once.</summary>
public sealed class ArticleDedupeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly string root = Path.Combine(Path.GetTempPath(), "digestbot-dedupe-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider clock = new(Now);
    private ArticleStore store = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(root);
        var database = new Database(Microsoft.Extensions.Options.Options.Create(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = "store.db" }),
            new HostingEnvironment { ContentRootPath = root });
        await new Migrator(database, NullLogger<Migrator>.Instance).MigrateAsync();
        store = new ArticleStore(database, clock);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AddNewAsync_sourceRedatesItems_noRepeats()
    {
        var first = await StoreAsync("wire", Rss(("a", "https://x.example/a", "Mon, 23 Nov 2026 08:00:00 GMT"), ("b", "https://x.example/b", "Mon, 23 Nov 2026 09:00:00 GMT")));
        var redated = await StoreAsync("wire", Rss(("a", "https://x.example/a", "Wed, 25 Nov 2026 08:00:00 GMT"), ("b", "https://x.example/b", "Wed, 25 Nov 2026 09:00:00 GMT")));

        Assert.Equal(2, first);
        Assert.Equal(0, redated);
        Assert.Equal(2, await store.CountAsync());
    }

    [Fact]
    public async Task AddNewAsync_sameLinkWithOtherTrackingParameters_storedOnce()
    {
        await StoreAsync("wire", Rss((null, "https://x.example/story?id=7&utm_source=rss&utm_medium=feed", null)));
        var again = await StoreAsync("wire", Rss((null, "https://x.example/story?utm_campaign=daily&id=7&fbclid=abc", null)));

        Assert.Equal(0, again);
        var stored = Assert.Single(await store.ListRecentAsync(["space"], Now.AddDays(-1)));
        Assert.Equal("https://x.example/story?id=7", stored.Link);
    }

    [Fact]
    public async Task AddNewAsync_sameArticleFromTwoSources_storedOnce()
    {
        await StoreAsync("wire", Rss(("wire-17", "https://x.example/shared", null)));
        var other = await StoreAsync("mirror", Rss(("mirror-99", "https://x.example/shared", null)));

        Assert.Equal(0, other);
        Assert.Equal(1, await store.CountAsync());
    }

    [Fact]
    public async Task AddNewAsync_sameIdWithChangedLink_storedOnce()
    {
        await StoreAsync("wire", Rss(("tag:x,2026:1", "https://x.example/old-slug", null)));
        var renamed = await StoreAsync("wire", Rss(("tag:x,2026:1", "https://x.example/new-slug", null)));

        Assert.Equal(0, renamed);
    }

    private async Task<int> StoreAsync(string sourceId, string xml)
    {
        var feed = new FeedParser().Parse(System.Text.Encoding.UTF8.GetBytes(xml));
        var articles = ArticleMapper.ToArticles(feed, new FeedSource(sourceId, new Uri("https://x.example/feed"), "space", null, 1.0), clock.GetUtcNow());
        return await store.AddNewAsync(articles);
    }

    private static string Rss(params (string? Guid, string Link, string? Date)[] items) =>
        "<rss version=\"2.0\"><channel><title>X</title><link>https://x.example/</link>" +
        string.Concat(items.Select(i => $"<item><title>Story {i.Link.Length}</title><link>{System.Security.SecurityElement.Escape(i.Link)}</link>" +
                                        (i.Guid is null ? "" : $"<guid isPermaLink=\"false\">{i.Guid}</guid>") +
                                        (i.Date is null ? "" : $"<pubDate>{i.Date}</pubDate>") + "</item>")) +
        "</channel></rss>";
}
