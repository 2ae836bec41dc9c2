using DigestBot.Editions;
using DigestBot.Fetch;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Rank;
using DigestBot.Store;
using DigestBot.Summarize;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigestBot.Pipeline;

/// <summary>Fetch -> Store -> Rank -> Summarize: produces the content of one edition, without sending anything.</summary>
public sealed class DigestBuilder(
    IOptionsMonitor<CatalogOptions> catalog,
    IHostEnvironment environment,
    FeedIngestor ingestor,
    ArticleStore articles,
    EditionStore editions,
    ArticleRanker ranker,
    Summarizer summarizer,
    TimeProvider clock)
{
    /// <summary>How far before the window sent stories are still compared with new candidates: a re-worded report of a
    /// story usually follows within a day or two.</summary>
    public static readonly TimeSpan SentStoryLookback = TimeSpan.FromDays(3);

    public Task<Digest> BuildAsync(string digestId, DateTimeOffset slot, string editionId, CancellationToken cancellationToken = default) =>
        BuildAsync(digestId, slot, editionId, ignoreSent: false, cancellationToken);

    /// <param name="ignoreSent">Build as if no edition had been sent yet (for previews): the digest's whole window, nothing left out as sent before.</param>
    public async Task<Digest> BuildAsync(string digestId, DateTimeOffset slot, string editionId, bool ignoreSent, CancellationToken cancellationToken = default)
    {
        var options = catalog.CurrentValue;
        var digest = options.Digests[digestId];
        var ranking = await RankAsync(digestId, editionId, null, ignoreSent, cancellationToken);

        // Summarize
        var sections = new List<SectionDigest>();
        foreach (var sectionRanking in ranking.Sections)
        {
            var section = options.Sections[sectionRanking.SectionId];
            if (summarizer.Section(sectionRanking, section.Title, digest.EmptySections) is { } summarized)
            {
                sections.Add(summarized);
            }
        }

        return new Digest(digestId, digest.Title, editionId, slot, ranking.Now, sections);
    }

    /// <summary>Fetches the digest's sources and ranks every section's candidates, as edition <paramref name="editionId"/> would
    /// see them at <paramref name="asOf"/> (now when null).</summary>
    public Task<DigestRanking> RankAsync(string digestId, string editionId, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default) =>
        RankAsync(digestId, editionId, asOf, ignoreSent: false, cancellationToken);

    /// <param name="ignoreSent">Rank as if no edition had been sent yet: the digest's whole window, nothing left out as sent before.</param>
    public async Task<DigestRanking> RankAsync(string digestId, string editionId, DateTimeOffset? asOf, bool ignoreSent, CancellationToken cancellationToken = default)
    {
        var options = catalog.CurrentValue;
        var digest = options.Digests[digestId];
        var sectionIds = digest.Sections;

        // Fetch + Store
        var sources = options.Sources
            .Where(s => s.Value.Enabled && sectionIds.Contains(s.Value.Section, StringComparer.OrdinalIgnoreCase))
            .Select(s => FeedSource.From(s.Key, s.Value, environment.ContentRootPath))
            .ToList();
        await ingestor.IngestAsync(sources, cancellationToken);

        // Rank: new articles since the last edition, never older than the digest's window. The hour of overlap catches
        // articles stored while the last edition was being built; never-repeat keeps them from being sent twice.
        var now = asOf ?? clock.GetUtcNow();
        var lastSlot = ignoreSent ? null : await editions.LastCompletedSlotAsync(digestId, cancellationToken);
        var windowStart = now - digest.MaxWindow;
        var since = lastSlot is { } last && last > windowStart ? last - TimeSpan.FromHours(1) : windowStart;
        IReadOnlyList<Article> alreadySent = ignoreSent ? [] : await editions.SentStoryArticlesAsync(digestId, editionId, since - SentStoryLookback, cancellationToken);
        var candidates = (await articles.ListRecentAsync(sectionIds, since, cancellationToken))
            .ToLookup(a => a.SectionId, StringComparer.OrdinalIgnoreCase);

        var sections = sectionIds
            .Select(id => ranker.Rank(id, candidates[id], RankingPolicy.For(options, digestId, id), alreadySent, now))
            .ToList();
        return new DigestRanking(digestId, now, since, CrossSectionStories.ShowOnce(sections));
    }
}
