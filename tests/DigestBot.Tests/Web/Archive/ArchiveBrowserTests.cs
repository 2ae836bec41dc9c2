using AngleSharp.Html.Parser;
using DigestBot.Fetch;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Web.Archive;

/// <summary>The archive as a reader's browser and feed reader find it: headless Chromium on the real worker.</summary>
public sealed class ArchiveBrowserTests
{
    [SkippableFact]
    public async Task ArchiveIndex_inChromium_followsToAnEditionAndBothPagesAdvertiseTheFeeds()
    {
        Skip.IfNot(HeadlessChromium.IsInstalled, HeadlessChromium.MissingMessage);
        await using var site = await ArchiveApp.StartAsync();
        await site.SendAsync(ArchivePaths.Day(2), "Booster lands on drone ship");
        await site.SendAsync(ArchivePaths.Day(1), "Probe enters orbit");
        var parser = new HtmlParser();

        using var index = parser.ParseDocument(await HeadlessChromium.DumpDomAsync(site.At("archive/daily")));
        var newest = index.QuerySelector("a.when")?.GetAttribute("href");
        Assert.Equal(site.At(ArchivePaths.DayPath(ArchivePaths.Day(1))).AbsoluteUri, newest);
        using var edition = parser.ParseDocument(await HeadlessChromium.DumpDomAsync(new Uri(newest!)));
        Assert.Contains("Probe enters orbit", edition.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Booster lands on drone ship", edition.Body.TextContent, StringComparison.Ordinal);
        Assert.Equal(site.At("archive/daily").AbsoluteUri, edition.QuerySelectorAll("a").Single(a => a.TextContent == "All editions").GetAttribute("href"));

        foreach (var page in new[] { index, edition })
        {
            // The dump has Chromium's log lines (stderr) before the DOM, so the parser puts the head elements in the body.
            var feeds = page.QuerySelectorAll("link[rel=alternate]").ToDictionary(l => l.GetAttribute("type")!, l => l.GetAttribute("href")!);
            Assert.Equal(["application/atom+xml", "application/feed+json"], feeds.Keys.Order());
            foreach (var (type, href) in feeds)
            {
                using var response = await site.Http.GetAsync(href);
                Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
                var feed = new FeedParser().Parse(await response.Content.ReadAsByteArrayAsync(), new Uri(href));
                Assert.Equal(2, feed.Entries.Count);
                Assert.Equal(newest, feed.Entries[0].Link);
            }
        }
    }
}
