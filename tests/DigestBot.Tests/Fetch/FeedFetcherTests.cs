using System.Diagnostics;
using DigestBot.Fetch;
using DigestBot.Store;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Fetch;

/// <summary>The real fetcher (typed HttpClient, resilience handler, SQLite status store) against a local Kestrel server.</summary>
public sealed class FeedFetcherTests(FeedFetcherFixture fixture) : IClassFixture<FeedFetcherFixture>
{
    private FeedServer server => fixture.Server;

    private TestApp app => fixture.App;

    [Fact]
    public async Task FetchAsync_secondFetchWithETag_notModifiedWithoutArticles()
    {
        var fetcher = app.Get<FeedFetcher>();
        var source = Source("wire-" + Guid.NewGuid().ToString("N"), "feed.xml");

        var first = await fetcher.FetchAsync(source);
        var second = await fetcher.FetchAsync(source);

        Assert.Equal(2, first.Articles.Count);
        Assert.Equal("https://wire.example.org/launch", first.Articles[0].Link);
        Assert.True(second.NotModified);
        Assert.Empty(second.Articles);
        Assert.Equal(FeedServer.ETag, server.Requests.Last().Headers["If-None-Match"]);
        Assert.Equal(FeedServer.ETag, (await app.Get<SourceStatusStore>().GetAsync(source.Id))!.ETag);
    }

    [Fact]
    public async Task FetchAsync_serverError_recordsLastError()
    {
        var result = await app.Get<FeedFetcher>().FetchAsync(Source("broken", "error"));

        Assert.False(result.Succeeded);
        Assert.Contains("500", result.Error, StringComparison.Ordinal);
        Assert.Contains("500", (await app.Get<SourceStatusStore>().GetAsync("broken"))!.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_slowServer_timesOutQuickly()
    {
        var watch = Stopwatch.StartNew();
        var result = await app.Get<FeedFetcher>().FetchAsync(Source("slow", "slow"));

        Assert.Equal("timed out", result.Error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task FetchAsync_bodyOverCap_refused()
    {
        var result = await app.Get<FeedFetcher>().FetchAsync(Source("huge", "huge"));

        Assert.Contains("larger than", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_gzipBody_decompressedWithPoliteHeaders()
    {
        var result = await app.Get<FeedFetcher>().FetchAsync(Source("gzip", "gzip"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, result.Articles.Count);
        var request = server.Requests.Single(r => r.Path == "/gzip").Headers;
        Assert.Contains("gzip", request["Accept-Encoding"], StringComparison.Ordinal);
        Assert.Contains("br", request["Accept-Encoding"], StringComparison.Ordinal);
        Assert.StartsWith("DigestBot/", request["User-Agent"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_charsetFromHttpHeader_decodesLegacyEncoding()
    {
        var result = await app.Get<FeedFetcher>().FetchAsync(Source("cp1251", "cp1251"));

        Assert.Equal("Запуск ракеты перенесён", result.Articles[0].Title);
        Assert.Equal("Рабочая лента", result.Articles[0].SourceName);
    }

    [Fact]
    public async Task IngestAsync_someSourcesFail_othersStoredAndFailuresRecorded()
    {
        var sources = new[] { Source("html", "html"), Source("err", "error"), Source("good", "feed.xml"), Source("slow2", "slow") };

        var results = await app.Get<FeedIngestor>().IngestAsync(sources);

        Assert.Equal([false, false, true, false], results.Select(r => r.Succeeded));
        Assert.Contains("HTML page", results[0].Error, StringComparison.Ordinal);
        Assert.Equal(2, await app.Get<ArticleStore>().CountAsync());
        var statuses = await app.Get<SourceStatusStore>().ListAsync();
        Assert.Equal(["err", "html", "slow2"], statuses.Where(s => s.LastError is not null && sources.Any(x => x.Id == s.SourceId)).Select(s => s.SourceId).Order());
    }

    private FeedSource Source(string id, string path) => new(id, server.At(path), "space", null, 1.0);
}
