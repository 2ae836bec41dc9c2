using DigestBot.Model;

namespace DigestBot.Rank;

/// <summary>One story of a section: the best-ranked article that reports it, and the other articles of the same story.</summary>
public sealed record RankedStory(Article Lead, IReadOnlyList<Article> Duplicates, RankSignals Signals, IReadOnlyList<string> MatchedKeywords)
{
    public double Score => Signals.Total;

    /// <summary>The duplicates with why each was merged into this story (for <c>explain</c>).</summary>
    public IReadOnlyList<MergedReport> Merged { get; init; } = [];

    /// <summary>Other sources of the same story, one link each, in rank order.</summary>
    public IReadOnlyList<SourceRef> AlsoReportedBy =>
        Duplicates.Where(d => !string.Equals(d.SourceId, Lead.SourceId, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(d => d.SourceId, StringComparer.OrdinalIgnoreCase)
            .Select(d => new SourceRef(d.SourceId, d.SourceName, d.Link))
            .ToList();
}
