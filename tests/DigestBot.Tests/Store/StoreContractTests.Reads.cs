using DigestBot.Editions;
using DigestBot.Model;
using DigestBot.Store;

namespace DigestBot.Tests.Store;

/// <summary>
/// Articles, what earlier editions sent, the conditional-GET state of sources and the status page's queries: each
/// read back through the application's own mapping, which is where integer widths differ between providers.
/// </summary>
public abstract partial class StoreContractTests
{
    private const string LastModified = "Mon, 02 Mar 2026 06:00:00 GMT";

    [SkippableFact]
    public async Task SourceStatus_fetchedThenNotModifiedThenFailing_keepsValidatorsAndItemCount()
    {
        var sources = new SourceStatusStore(Db, Clock);
        var fetchedAt = Clock.GetUtcNow();
        await sources.RecordSuccessAsync("wire", 3, "\"v1\"", LastModified);
        Clock.Advance(TimeSpan.FromMinutes(10));
        await sources.RecordSuccessAsync("wire", null, null, null);
        var notModified = await sources.GetAsync("wire");
        Clock.Advance(TimeSpan.FromMinutes(10));
        await sources.RecordFailureAsync("wire", "HTTP 500 Internal Server Error");
        await sources.RecordFailureAsync("broken", "timed out");

        Assert.Equal(new SourceStatus("wire", UnixTime.ToMs(fetchedAt.AddMinutes(10)), UnixTime.ToMs(fetchedAt.AddMinutes(10)), null, "\"v1\"", LastModified, 3),
            notModified);
        Assert.Equal(new SourceStatus("wire", UnixTime.ToMs(Clock.GetUtcNow()), UnixTime.ToMs(fetchedAt.AddMinutes(10)), "HTTP 500 Internal Server Error", "\"v1\"", LastModified, 3),
            await sources.GetAsync("wire"));
        Assert.Equal(["broken", "wire"], (await sources.ListAsync()).Select(s => s.SourceId));
        var broken = (await sources.ListAsync())[0];
        Assert.Null(broken.LastSuccess);
        Assert.Equal(0, broken.Items);
        Assert.Null(await sources.GetAsync("never"));
    }

    [SkippableFact]
    public async Task RecentEditionsAsync_completedEditions_newestFirstWithTheirCounts()
    {
        var digest = await StartAsync();
        var editions = Editions(new NodeIdentity());
        await editions.CompleteAsync(digest.EditionId, EditionStatus.Partial, new EditionTotals(40, 2, 3), "2 addresses refused");
        var later = await editions.ClaimAsync("daily", Slot.AddDays(1), Lease);
        await editions.CompleteAsync(later.EditionId, EditionStatus.Empty, EditionTotals.None, null);
        await editions.ClaimAsync("daily", Slot.AddDays(2), Lease);

        var recent = await new StatusQueries(Db).RecentEditionsAsync("daily", 2);

        Assert.Equal([Slot.AddDays(2), Slot.AddDays(1)], recent.Select(e => e.Slot));
        var older = Assert.Single(await new StatusQueries(Db).RecentEditionsAsync("daily", 5), e => e.Id == digest.EditionId);
        Assert.Equal(new EditionSummary(digest.EditionId, "daily", Slot, Clock.GetUtcNow(), EditionStatus.Partial.ToText(), 1, 40, 2, 3, "2 addresses refused"), older);
        Assert.Empty(await new StatusQueries(Db).RecentEditionsAsync("weekly", 5));
        Assert.Equal(Slot.AddDays(2), await editions.LastClaimedSlotAsync("daily"));
        Assert.Null(await editions.LastClaimedSlotAsync("weekly"));
    }

    [SkippableFact]
    public async Task SubscriberCountsAndDiscordPosts_someRows_countedPerStatusAndDestination()
    {
        await AddSubscribersAsync(3);
        var ledger = new DiscordLedger(Db, Clock);
        await ledger.RecordAsync("e1", "community", 0, "m0");
        Clock.Advance(TimeSpan.FromSeconds(5));
        await ledger.RecordAsync("e1", "community", 1, "m1");
        await ledger.RecordAsync("e1", "ops", 0, "m2");
        var queries = new StatusQueries(Db);

        var counts = await queries.SubscriberCountsAsync();
        var posts = await queries.DiscordPostsAsync();

        Assert.Equal(new[] { ("Active", 3L), ("Unsubscribed", 1L) }, counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)));
        Assert.Equal([new DiscordPostSummary("community", 2, Clock.GetUtcNow()), new DiscordPostSummary("ops", 1, Clock.GetUtcNow())], posts);
    }

    [SkippableFact]
    public async Task ArticleStore_sameLinkTwice_storedOnceAndListedBySectionNewestFirst()
    {
        var store = new ArticleStore(Db, Clock);
        Article Make(string id, string section, string link, int hoursAgo) => new()
        {
            Id = id, SourceId = "wire", SectionId = section, Title = id, Link = link, Published = Slot.AddHours(-hoursAgo),
            Updated = Slot.AddHours(-hoursAgo).AddMinutes(5), Categories = ["a", "b"], FeedPosition = hoursAgo, Summary = "s", Author = "x",
        };

        var added = await store.AddNewAsync([Make("a1", "space", "https://example.org/1", 3), Make("a2", "space", "https://example.org/2", 1),
            Make("a1-again", "space", "https://example.org/1", 2), Make("e1", "energy", "https://example.org/3", 1)]);
        Clock.Advance(TimeSpan.FromHours(1));
        await store.AddNewAsync([Make("late", "space", "https://example.org/4", 0)]);

        var recent = await store.ListRecentAsync(["space", "weather"], Slot);
        var fresh = await store.ListRecentAsync(["space"], Slot.AddMinutes(30));

        Assert.Equal(3, added);
        Assert.Equal(4, await store.CountAsync());
        Assert.Equal(["late", "a2", "a1"], recent.Select(a => a.Id));
        var a2 = recent[1];
        Assert.Equal(("space", "https://example.org/2", Slot.AddHours(-1), Slot.AddHours(-1).AddMinutes(5), 1, "s", "x"),
            (a2.SectionId, a2.Link, a2.Published, a2.Updated, a2.FeedPosition, a2.Summary, a2.Author));
        Assert.Equal(["a", "b"], a2.Categories);
        Assert.Equal("late", Assert.Single(fresh).Id);
    }

    [SkippableFact]
    public async Task SentArticles_earlierEditionWithDuplicates_listedForLaterEditionsOnly()
    {
        var digest = await StartAsync();
        await new ArticleStore(Db, Clock).AddNewAsync([digest.Sections[0].Items[0].Article]);
        var editions = Editions(new NodeIdentity());

        var forLater = await editions.SentStoryArticlesAsync("daily", "daily@later", Slot.AddDays(-1));
        var forItself = await editions.SentStoryArticlesAsync("daily", digest.EditionId, Slot.AddDays(-1));
        var tooOld = await editions.SentStoryArticlesAsync("daily", "daily@later", Slot.AddDays(1));

        Assert.Equal(["a1"], forLater.Select(a => a.Id));
        Assert.Empty(forItself);
        Assert.Empty(tooOld);
        Assert.Equal(["a1"], await editions.SentArticleIdsAsync("daily", "daily@later"));
        Assert.Empty(await editions.SentArticleIdsAsync("weekly", "weekly@later"));
    }

    [SkippableFact]
    public async Task ReleaseAndReopen_batches_becomeClaimableAgain()
    {
        await AddSubscribersAsync(3);
        var digest = await StartAsync();
        var node = Batches(new NodeIdentity());
        var batch = (await node.ClaimNextAsync(digest.EditionId, Lease))!;

        await node.ReleaseAsync(batch);
        var other = Batches(new NodeIdentity());
        var again = (await other.ClaimNextAsync(digest.EditionId, Lease))!;
        await other.CompleteAsync(again);
        var afterDone = await node.RemainingAsync(digest.EditionId);
        await node.ReopenAsync(digest.EditionId);

        Assert.Equal(batch.BatchNo, again.BatchNo);
        Assert.Equal(0, afterDone);
        Assert.Equal(1, await node.RemainingAsync(digest.EditionId));
        Assert.NotNull(await node.ClaimNextAsync(digest.EditionId, Lease));
    }
}
