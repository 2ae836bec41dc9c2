using DigestBot.Fetch;
using DigestBot.Model;
using DigestBot.Rank;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Rank;

/// <summary>Articles and policies for ranking tests: hand-made ones, and the bundled sample feeds as the fetcher maps them.</summary>
internal static class TestArticles
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 7, 0, 0, TimeSpan.Zero);

    public static Article Make(
        string id, string title, string? summary = null, string source = "a", double hoursOld = 1, int position = 0, params string[] categories) => new()
    {
        Id = id,
        SourceId = source,
        SectionId = "space",
        Title = title,
        Link = $"https://{source}.example.org/{id}",
        Summary = summary,
        Published = Now.AddHours(-hoursOld),
        FeedPosition = position,
        SourceName = $"Source {source.ToUpperInvariant()}",
        Categories = categories,
    };

    public static RankingPolicy Policy(
        double halfLifeHours = 12, int topN = 5, Dictionary<string, double>? weights = null, Dictionary<string, double>? boost = null, string[]? mute = null) =>
        new(TimeSpan.FromHours(halfLifeHours), topN,
            weights ?? new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { ["a"] = 1, ["b"] = 1, ["c"] = 1 },
            boost ?? [], mute ?? []);

    /// <summary>The articles of a bundled sample feed, parsed and mapped exactly as the fetcher does.</summary>
    public static IReadOnlyList<Article> Sample(string file, string sourceId, string sectionId = "space")
    {
        var path = Path.Combine(TestPaths.RepoRoot, "samples", "feeds", file);
        using var stream = File.OpenRead(path);
        var feed = new FeedParser().Parse(stream, new Uri(path));
        var source = new FeedSource(sourceId, new Uri(path), sectionId, null, 1.0);
        return ArticleMapper.ToArticles(feed, source, Now);
    }

    public static IReadOnlyList<string> Titles(SectionRanking ranking) => ranking.Stories.Select(s => s.Lead.Title).ToList();
}
