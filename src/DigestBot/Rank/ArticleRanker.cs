using DigestBot.Model;

namespace DigestBot.Rank;

/// <summary>Picks the top articles of one section. Pure: the same candidates give the same order.</summary>
public sealed class ArticleRanker
{
    public IReadOnlyList<RankedArticle> Rank(IEnumerable<Article> candidates, int topN, DateTimeOffset now) =>
        candidates
            .Select(a => new RankedArticle(a, Recency(a, now)))
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Article.FeedPosition)
            .ThenBy(r => r.Article.Id, StringComparer.Ordinal)
            .Take(topN)
            .ToList();

    private static double Recency(Article article, DateTimeOffset now)
    {
        var ageHours = Math.Max(0, (now - article.Published).TotalHours);
        return Math.Pow(0.5, ageHours / 12.0);
    }
}

public sealed record RankedArticle(Article Article, double Score);
