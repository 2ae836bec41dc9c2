using System.Net;
using System.Text.Json.Nodes;
using DigestBot.Fetch;

namespace DigestBot.Tests.Web.Archive;

/// <summary>The archive of a digest that sends by neither email nor Discord: editions still go through the real pipeline.</summary>
public sealed class ArchivePagingTests
{
    [Fact]
    public async Task ArchiveIndex_moreEditionsThanAPage_pagedNewestFirstWithLinksBetweenPages()
    {
        await using var site = await ArchiveApp.StartAsync(edit: c => c["Web"]!["Archive"] = new JsonObject { ["PageSize"] = 2 });
        for (var daysAgo = 5; daysAgo >= 1; daysAgo--)
        {
            await site.SendAsync(ArchivePaths.Day(daysAgo), $"Story of day {daysAgo}");
        }

        var pages = new[] { await site.GetStringAsync("archive/daily"), await site.GetStringAsync("archive/daily?page=2"), await site.GetStringAsync("archive/daily?page=3") };
        int[][] expected = [[1, 2], [3, 4], [5]];
        for (var p = 0; p < pages.Length; p++)
        {
            var shown = Enumerable.Range(1, 5).Where(d => pages[p].Contains($"Story of day {d}<", StringComparison.Ordinal)).ToArray();
            Assert.Equal(expected[p], shown);
            Assert.Equal(expected[p].Select(d => pages[p].IndexOf(site.At(ArchivePaths.DayPath(ArchivePaths.Day(d))).AbsoluteUri, StringComparison.Ordinal)).Order(),
                expected[p].Select(d => pages[p].IndexOf(site.At(ArchivePaths.DayPath(ArchivePaths.Day(d))).AbsoluteUri, StringComparison.Ordinal)));
            Assert.Equal(p > 0, pages[p].Contains("<link rel=\"prev\"", StringComparison.Ordinal));
            Assert.Equal(p < 2, pages[p].Contains("<link rel=\"next\"", StringComparison.Ordinal));
        }

        Assert.Contains($"<link rel=\"next\" href=\"{site.At("archive/daily?page=2")}\">", pages[0], StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"prev\" href=\"{site.At("archive/daily")}\">", pages[1], StringComparison.Ordinal);
        Assert.Contains("page 3 of 3", pages[2], StringComparison.Ordinal);
        foreach (var (query, status) in new[] { ("?page=4", HttpStatusCode.NotFound), ("?page=0", HttpStatusCode.BadRequest), ("?page=two", HttpStatusCode.BadRequest) })
        {
            using var response = await site.GetAsync("archive/daily" + query);
            Assert.Equal(status, response.StatusCode);
        }

        var feed = new FeedParser().Parse(await site.Http.GetByteArrayAsync(site.At("archive/daily/feed.json")));
        Assert.Equal(["Story of day 1", "Story of day 2"], feed.Entries.Select(e => Headline(e.ContentHtml)));
        Assert.Contains("Story of day 1", await site.GetStringAsync(""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArchiveEdition_twoInOneDay_secondAtItsSlotPathWhileTheDayPathKeepsTheFirst()
    {
        await using var site = await ArchiveApp.StartAsync();
        var morning = ArchivePaths.Day(1, 8);
        var evening = ArchivePaths.Day(1, 18);

        var first = await site.SendAsync(morning, "Morning story");
        var second = await site.SendAsync(evening, "Evening story");

        Assert.Equal(site.At(ArchivePaths.DayPath(morning)).AbsoluteUri, first.Digest!.ArchiveUrl);
        Assert.Equal(site.At(ArchivePaths.SlotPath(evening)).AbsoluteUri, second.Digest!.ArchiveUrl);
        foreach (var (path, story) in new[] { (ArchivePaths.DayPath(morning), "Morning story"), (ArchivePaths.SlotPath(morning), "Morning story"), (ArchivePaths.SlotPath(evening), "Evening story") })
        {
            var html = await site.GetStringAsync(path);
            Assert.Contains(story, html, StringComparison.Ordinal);
            Assert.DoesNotContain(story == "Morning story" ? "Evening story" : "Morning story", html, StringComparison.Ordinal);
        }

        var index = await site.GetStringAsync("archive/daily");
        Assert.True(index.IndexOf("Evening story", StringComparison.Ordinal) < index.IndexOf("Morning story", StringComparison.Ordinal), index);
        Assert.Contains($"href=\"{second.Digest.ArchiveUrl}\"", index, StringComparison.Ordinal);
        Assert.Contains("Evening story", await site.GetStringAsync(""), StringComparison.Ordinal);
        foreach (var path in new[] { "archive/nope", "archive/nope/atom.xml", "archive/daily/2001-01-01", "archive/daily/26-11-2026", ArchivePaths.DayPath(morning) + "/0300" })
        {
            using var response = await site.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET /{path}: {(int)response.StatusCode}");
        }
    }

    private static string Headline(string? html) =>
        System.Text.RegularExpressions.Regex.Match(html ?? "", "Story of day \\d").Value;
}
