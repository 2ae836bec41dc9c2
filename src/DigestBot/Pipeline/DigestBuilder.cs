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
    public async Task<Digest> BuildAsync(string digestId, DateTimeOffset slot, string editionId, CancellationToken cancellationToken = default)
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

        // Rank: new articles since the last edition, never older than the digest's window.
        var now = clock.GetUtcNow();
        var lastSlot = await editions.LastCompletedSlotAsync(digestId, cancellationToken);
        var windowStart = now - digest.MaxWindow;
        var since = lastSlot is { } last && last > windowStart ? last - TimeSpan.FromHours(1) : windowStart;
        var alreadySent = await editions.SentArticleIdsAsync(digestId, editionId, cancellationToken);
        var candidates = (await articles.ListRecentAsync(sectionIds, since, cancellationToken))
            .Where(a => !alreadySent.Contains(a.Id))
            .ToLookup(a => a.SectionId, StringComparer.OrdinalIgnoreCase);

        // Summarize
        var sections = new List<SectionDigest>();
        foreach (var sectionId in sectionIds)
        {
            var section = options.Sections[sectionId];
            var items = ranker.Rank(candidates[sectionId], section.TopN, now)
                .Select(r => new DigestItem(r.Article, summarizer.SummarizeArticle(r.Article), r.Score))
                .ToList();
            sections.Add(new SectionDigest(sectionId, section.Title, items, summarizer.SummarizeSection(section.Title, items)));
        }

        return new Digest(digestId, digest.Title, editionId, slot, now, sections);
    }
}
