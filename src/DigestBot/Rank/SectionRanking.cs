namespace DigestBot.Rank;

/// <summary>Every candidate story of one section in rank order, plus the articles left out and why.</summary>
public sealed record SectionRanking(string SectionId, int TopN, IReadOnlyList<RankedStory> Stories, IReadOnlyList<ExcludedArticle> Excluded)
{
    public IReadOnlyList<RankedStory> Top => Stories.Take(TopN).ToList();
}
