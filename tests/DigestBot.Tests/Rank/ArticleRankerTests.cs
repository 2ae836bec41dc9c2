using DigestBot.Model;
using DigestBot.Rank;
using Xunit;
using static DigestBot.Tests.Rank.TestArticles;

namespace DigestBot.Tests.Rank;

public sealed class ArticleRankerTests
{
    private readonly ArticleRanker ranker = new();

    [Fact]
    public void Rank_newerArticle_ranksAboveOlderOne()
    {
        var ranking = ranker.Rank("space", [Make("old", "Comet brightens", hoursOld: 10), Make("new", "Probe lands", source: "b", hoursOld: 1)], Policy(), [], Now);

        Assert.Equal(["Probe lands", "Comet brightens"], Titles(ranking));
        Assert.Equal(Math.Pow(0.5, 1.0 / 12), ranking.Stories[0].Signals.Recency, 6);
        Assert.Equal(Math.Pow(0.5, 10.0 / 12), ranking.Stories[1].Signals.Recency, 6);
    }

    [Fact]
    public void Rank_halfLifeOfSection_decidesBetweenOlderLeadAndNewerMinorStory()
    {
        Article[] candidates = [Make("lead", "Lead story of the day", hoursOld: 10, position: 0), Make("minor", "Minor update", hoursOld: 2, position: 3)];

        var breaking = ranker.Rank("space", candidates, Policy(halfLifeHours: 2), [], Now);
        var slow = ranker.Rank("space", candidates, Policy(halfLifeHours: 48), [], Now);

        Assert.Equal(["Minor update", "Lead story of the day"], Titles(breaking));
        Assert.Equal(["Lead story of the day", "Minor update"], Titles(slow));
    }

    [Fact]
    public void Rank_heavierSource_ranksAboveLighterSourceOfSameAge()
    {
        var weights = new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 2.0 };
        var ranking = ranker.Rank("space", [Make("x", "Rover drives", source: "a"), Make("y", "Orbiter maps", source: "b")], Policy(weights: weights), [], Now);

        Assert.Equal(["Orbiter maps", "Rover drives"], Titles(ranking));
        var heavy = ranking.Stories[0].Signals;
        Assert.Equal(heavy.Recency + heavy.Position, heavy.Source, 6);
        Assert.Equal(2 * (heavy.Recency + heavy.Position), ranking.Stories[0].Score, 6);
        Assert.True(ranking.Stories[1].Signals.Source < 0);
    }

    [Fact]
    public void Rank_leadItemOfFeed_ranksAboveLaterItemOfSameAge()
    {
        var ranking = ranker.Rank("space", [Make("late", "Fourth item", position: 3), Make("first", "First item", position: 0)], Policy(), [], Now);

        Assert.Equal(["First item", "Fourth item"], Titles(ranking));
        Assert.Equal(RankingPolicy.PositionBonus, ranking.Stories[0].Signals.Position, 6);
        Assert.Equal(RankingPolicy.PositionBonus / 4, ranking.Stories[1].Signals.Position, 6);
    }

    [Fact]
    public void Rank_storyReportedBySeveralSources_outranksSlightlyNewerSingleSourceStory()
    {
        Article[] candidates =
        [
            Make("s1", "Heavy-lift rocket completes static fire", "All nine engines fired for 180 seconds on the coastal stand.", "a", hoursOld: 4),
            Make("s2", "Nine-engine heavy-lift rocket finishes static fire test", "The nine engines ran for 180 seconds at the coastal stand.", "b", hoursOld: 4.5),
            Make("other", "Lunar lander picks landing site", "The crater rim gets sunlight most of the lunar day.", "c", hoursOld: 3),
        ];

        var ranking = ranker.Rank("space", candidates, Policy(), [], Now);
        var withoutCoverage = ranker.Rank("space", candidates.Take(1).Append(candidates[2]), Policy(), [], Now);

        Assert.Equal(["Lunar lander picks landing site", "Heavy-lift rocket completes static fire"], Titles(withoutCoverage));
        Assert.Equal(["Heavy-lift rocket completes static fire", "Lunar lander picks landing site"], Titles(ranking));
        Assert.Equal(RankingPolicy.CoverageBonus, ranking.Stories[0].Signals.Coverage, 6);
        Assert.Equal("s2", Assert.Single(ranking.Stories[0].Duplicates).Id);
        Assert.Equal("b", Assert.Single(ranking.Stories[0].AlsoReportedBy).SourceId);
    }

    [Fact]
    public void Rank_boostedKeyword_movesArticleUpAndNegativeBoostMovesItDown()
    {
        Article[] candidates = [Make("new", "Solar flare erupts", hoursOld: 1), Make("old", "Mars sample return plan", hoursOld: 6, categories: "Mars")];

        var plain = ranker.Rank("space", candidates, Policy(), [], Now);
        var boosted = ranker.Rank("space", candidates, Policy(boost: new() { ["mars"] = 0.5 }), [], Now);
        var demoted = ranker.Rank("space", candidates, Policy(boost: new() { ["solar flare"] = -0.5 }), [], Now);

        Assert.Equal(["Solar flare erupts", "Mars sample return plan"], Titles(plain));
        Assert.Equal(["Mars sample return plan", "Solar flare erupts"], Titles(boosted));
        Assert.Equal(0.5, boosted.Stories[0].Signals.Keywords, 6);
        Assert.Equal(["mars"], boosted.Stories[0].MatchedKeywords);
        Assert.Equal(["Mars sample return plan", "Solar flare erupts"], Titles(demoted));
    }

    [Fact]
    public void Rank_keywordInsideAnotherWord_doesNotMatch()
    {
        var ranking = ranker.Rank("space", [Make("x", "Marsupials at the zoo")], Policy(boost: new() { ["mars"] = 1 }, mute: ["zoo keeper"]), [], Now);

        Assert.Equal(0, ranking.Stories[0].Signals.Keywords);
        Assert.Empty(ranking.Excluded);
    }

    [Fact]
    public void Rank_mutedKeyword_leavesArticleOutWithReason()
    {
        var ranking = ranker.Rank("space", [Make("ad", "Sponsored: the best telescopes"), Make("x", "Probe lands")], Policy(mute: ["sponsored"]), [], Now);

        Assert.Equal(["Probe lands"], Titles(ranking));
        var excluded = Assert.Single(ranking.Excluded);
        Assert.Equal("ad", excluded.Article.Id);
        Assert.Contains("sponsored", excluded.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_sourceNoLongerConfigured_isLeftOut()
    {
        var ranking = ranker.Rank("space", [Make("x", "Probe lands", source: "gone")], Policy(), [], Now);

        Assert.Empty(ranking.Stories);
        Assert.Contains("gone", Assert.Single(ranking.Excluded).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_sameCandidatesInAnyOrder_giveTheSameRanking()
    {
        var candidates = Enumerable.Range(0, 30)
            .Select(i => Make($"id{i:00}", $"Story number {i} about topic {i % 7}", source: ((char)('a' + (i % 3))).ToString(), hoursOld: i % 5, position: i % 4))
            .ToList();

        var expected = ranker.Rank("space", candidates, Policy(), [], Now).Stories.Select(s => s.Lead.Id).ToList();
        var random = new Random(4);
        for (var run = 0; run < 5; run++)
        {
            var shuffled = candidates.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, ranker.Rank("space", shuffled, Policy(), [], Now).Stories.Select(s => s.Lead.Id).ToList());
        }
    }

    [Fact]
    public void Top_moreStoriesThanTopN_returnsTheBestTopN()
    {
        var candidates = Enumerable.Range(0, 8).Select(i => Make($"id{i}", $"Distinct headline {i}", hoursOld: i)).ToList();

        var ranking = ranker.Rank("space", candidates, Policy(topN: 3), [], Now);

        Assert.Equal(8, ranking.Stories.Count);
        Assert.Equal(["id0", "id1", "id2"], ranking.Top.Select(s => s.Lead.Id));
    }

    [Fact]
    public void Rank_articleSentInEarlierEdition_isLeftOut()
    {
        var sent = Make("x", "Probe lands");

        var ranking = ranker.Rank("space", [sent, Make("y", "Comet brightens")], Policy(), [sent], Now);

        Assert.Equal(["Comet brightens"], Titles(ranking));
        Assert.Equal("x", Assert.Single(ranking.Excluded).Article.Id);
    }

    [Fact]
    public void Rank_rewordedReportOfStorySentEarlier_isLeftOut()
    {
        var sent = Make("x", "Heavy-lift rocket completes static fire", "All nine engines fired for 180 seconds on the coastal stand.", "a", hoursOld: 30);
        var reworded = Make("y", "Nine-engine heavy-lift rocket finishes static fire test", "The nine engines ran for 180 seconds at the coastal stand.", "b");

        var ranking = ranker.Rank("space", [reworded, Make("z", "Comet brightens")], Policy(), [sent], Now);

        Assert.Equal(["Comet brightens"], Titles(ranking));
        Assert.Contains("sent in an earlier edition", Assert.Single(ranking.Excluded).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_sameHeadlineFromAnotherSourceDaysAfterItWasSent_isLeftOut()
    {
        var sent = Make("x", "Record heatwave grips the northern plains", "Temperatures passed 40C in three states on Monday.", "a", hoursOld: 24 * 5);
        var again = Make("y", "Record heatwave grips the northern plains", "Forecasters warned of crop losses as the heat moved east.", "b");

        var ranking = ranker.Rank("space", [again, Make("z", "Comet brightens")], Policy(), [sent], Now);

        Assert.Equal(["Comet brightens"], Titles(ranking));
        Assert.Contains("same headline", Assert.Single(ranking.Excluded).Reason, StringComparison.Ordinal);
    }
}
