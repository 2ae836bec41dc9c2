using DigestBot.Model;

namespace DigestBot.Rank;

/// <summary>
/// Ranks the candidates of one section the way an editor would: fresh stories first (recency halves every half-life),
/// trusted sources higher (source weight), each feed's lead story higher (position), stories several sources report
/// higher (coverage), and configured keywords up or down. Near-duplicates become one story; muted articles and stories
/// sent in an earlier edition are left out. Pure and deterministic: the same inputs give the same order, whatever
/// order the candidates arrive in.
/// </summary>
public sealed class ArticleRanker
{
    private static readonly IReadOnlySet<string> NoWords = new HashSet<string>();

    public SectionRanking Rank(
        string sectionId, IEnumerable<Article> candidates, RankingPolicy policy, IReadOnlyCollection<Article> alreadySent, DateTimeOffset now)
    {
        var excluded = new List<ExcludedArticle>();
        var boosts = new KeywordMatcher(policy.Boost.Keys);
        var mutes = new KeywordMatcher(policy.Mute);
        var live = new List<Scored>();
        // A feed can repeat an id; which copy is kept must not depend on the order the candidates arrive in.
        var unique = candidates
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .ThenBy(a => a.FeedPosition)
            .ThenBy(a => a.Published)
            .ThenBy(a => a.Link, StringComparer.Ordinal)
            .ThenBy(a => a.Title, StringComparer.Ordinal)
            .DistinctBy(a => a.Id);
        foreach (var article in unique)
        {
            if (!policy.SourceWeights.TryGetValue(article.SourceId, out var weight))
            {
                excluded.Add(new ExcludedArticle(article, $"source '{article.SourceId}' is not an enabled source of this section"));
            }
            else if (mutes.Matches(article).FirstOrDefault() is { } muted)
            {
                excluded.Add(new ExcludedArticle(article, $"muted: '{muted}'"));
            }
            else
            {
                var keywords = boosts.Matches(article).ToList();
                live.Add(new Scored(article, weight, Recency(article, now, policy.HalfLife), Position(article), keywords,
                    keywords.Sum(k => policy.Boost[k]), StoryFingerprint.Of(article)));
            }
        }

        var boilerplate = SourceBoilerplate.Find(live, s => s.Article.SourceId, s => s.Fingerprint);
        var bestFirst = live
            .Select(s => s with { Fingerprint = s.Fingerprint.Without(boilerplate[s.Article.SourceId]) })
            .OrderByDescending(s => s.BaseScore)
            .ThenByDescending(s => s.Article.Published)
            .ThenBy(s => s.Article.Id, StringComparer.Ordinal)
            .ToList();
        var sentIds = alreadySent.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var sentPrints = alreadySent
            .Select(a => (a.Title, Print: StoryFingerprint.Of(a).Without(boilerplate.GetValueOrDefault(a.SourceId) ?? NoWords)))
            .ToList();
        var matcher = new StoryMatcher(new WordRarity(bestFirst.Select(s => s.Fingerprint).Concat(sentPrints.Select(p => p.Print))));
        var stories = new List<RankedStory>();
        foreach (var story in StoryClusterer.Cluster(bestFirst, s => s.Fingerprint, matcher))
        {
            if (SentBefore(story, sentIds, sentPrints, matcher) is { } reason)
            {
                excluded.AddRange(story.Select(s => new ExcludedArticle(s.Item.Article, reason)));
                continue;
            }

            stories.Add(ToStory(story));
        }

        var ranked = stories
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.Lead.Published)
            .ThenBy(s => s.Lead.Id, StringComparer.Ordinal)
            .ToList();
        return new SectionRanking(sectionId, policy.TopN, ranked, excluded);
    }

    /// <summary>1 for an article published now, 0.5 one half-life ago; a date in the future counts as now.</summary>
    public static double Recency(Article article, DateTimeOffset now, TimeSpan halfLife)
    {
        var age = Math.Max(0, (now - article.Published).TotalSeconds);
        return Math.Pow(0.5, age / halfLife.TotalSeconds);
    }

    public static double Position(Article article) => RankingPolicy.PositionBonus / (Math.Max(0, article.FeedPosition) + 1);

    private static RankedStory ToStory(IReadOnlyList<ClusterMember<Scored>> members)
    {
        var story = members.Select(m => m.Item).ToList();
        var lead = story[0];
        var sources = story.Select(s => s.Article.SourceId).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var coverage = RankingPolicy.CoverageBonus * (Math.Min(sources, RankingPolicy.MaxCoverageSources) - 1);
        var editorial = lead.Recency + lead.Position + coverage;
        var signals = new RankSignals(lead.Recency, lead.Position, coverage, (lead.Weight - 1) * editorial, lead.KeywordPoints);
        return new RankedStory(lead.Article, story.Skip(1).Select(s => s.Article).ToList(), signals, lead.Keywords)
        {
            Merged = members.Skip(1).Select(m => new MergedReport(m.Item.Article, m.Match!)).ToList(),
        };
    }

    private static string? SentBefore(
        IReadOnlyList<ClusterMember<Scored>> story, HashSet<string> sentIds, List<(string Title, StoryFingerprint Print)> sent, StoryMatcher matcher)
    {
        if (story.Any(s => sentIds.Contains(s.Item.Article.Id)))
        {
            return "already sent in an earlier edition";
        }

        foreach (var member in story)
        {
            foreach (var (title, print) in sent)
            {
                if (matcher.Match(print, member.Item.Fingerprint) is { } match)
                {
                    return $"same story as \"{title}\", sent in an earlier edition ({match.Describe()})";
                }
            }
        }

        return null;
    }

    private sealed record Scored(
        Article Article, double Weight, double Recency, double Position, IReadOnlyList<string> Keywords, double KeywordPoints, StoryFingerprint Fingerprint)
    {
        public double BaseScore => Weight * (Recency + Position) + KeywordPoints;
    }
}
