using DigestBot.Fetch;
using DigestBot.Store;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Fetch;

public sealed class TruncatedFetchTests
{
    [Fact]
    public async Task IngestAsync_feedFileCutShort_storesCompleteItemsAndLogsWarning()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = TestApp.Create();
        var sample = TruncationSamples.Rss20;
        var path = Path.Combine(app.Root, "cut.xml");
        // Inside the third item: the connection dropped mid-item.
        await File.WriteAllBytesAsync(path, sample.Bytes[..(sample.ItemEnds[1] + 40)]);
        await app.StartAsync(configure: b => b.Logging.AddProvider(logs));

        var result = Assert.Single(await app.Get<FeedIngestor>().IngestAsync([new FeedSource("cut", new Uri(path), "space", null, 1.0)]));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["Café launch & landing", "Второй запуск"], result.Articles.Select(a => a.Title));
        const string warning = "the document ends abruptly (the download or file was cut short): read the 2 complete items before the cut, dropped the incomplete item after them";
        Assert.Equal(warning, Assert.Single(result.Warnings));
        Assert.Equal(2, await app.Get<ArticleStore>().CountAsync());
        var logged = Assert.Single(logs.Entries, e => e.EventId.Id == 2004);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Equal($"Source cut ({new Uri(path)}) read in part: {warning}", logged.Message);
        Assert.Equal("cut", logged.Scope["SourceId"]);
    }
}
