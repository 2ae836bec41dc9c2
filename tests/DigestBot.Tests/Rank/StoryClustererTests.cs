using DigestBot.Model;
using DigestBot.Rank;
using Xunit;
using static DigestBot.Tests.Rank.TestArticles;

namespace DigestBot.Tests.Rank;

public sealed class StoryClustererTests
{
    private readonly ArticleRanker ranker = new();

    [Fact]
    public void Rank_bundledSpaceSamples_mergeTheTwoStaticFireReportsIntoOneStory()
    {
        var candidates = Sample("space-news.xml", "orbital-ledger").Concat(Sample("launch-wire.xml", "launch-wire")).ToList();
        var weights = new Dictionary<string, double> { ["orbital-ledger"] = 1.0, ["launch-wire"] = 0.8 };

        var ranking = ranker.Rank("space", candidates, Policy(weights: weights), [], Now);

        Assert.Equal(candidates.Count - 1, ranking.Stories.Count);
        var story = Assert.Single(ranking.Stories, s => s.Duplicates.Count > 0);
        Assert.Equal("Heavy-lift rocket completes first full-duration static fire", story.Lead.Title);
        Assert.Equal("launch-wire", Assert.Single(story.Duplicates).SourceId);
        Assert.Equal(["launch-wire"], story.AlsoReportedBy.Select(s => s.SourceId));
        Assert.Same(story, ranking.Stories[0]);
    }

    [Fact]
    public void Rank_duplicateFromHeavierSource_becomesTheLeadOfTheStory()
    {
        var candidates = Sample("space-news.xml", "orbital-ledger").Concat(Sample("launch-wire.xml", "launch-wire")).ToList();
        var weights = new Dictionary<string, double> { ["orbital-ledger"] = 1.0, ["launch-wire"] = 3.0 };

        var story = Assert.Single(ranker.Rank("space", candidates, Policy(weights: weights), [], Now).Stories, s => s.Duplicates.Count > 0);

        Assert.Equal("launch-wire", story.Lead.SourceId);
        Assert.Equal("orbital-ledger", Assert.Single(story.Duplicates).SourceId);
    }

    [Fact]
    public void IsSameStory_allBundledSamples_onlyTheStaticFirePairMatches()
    {
        var articles = new[]
        {
            ("space-news.xml", "orbital-ledger"), ("launch-wire.xml", "launch-wire"), ("energy-news.xml", "grid-power"),
            ("military-space.xml", "defence-orbit"), ("news-247.xml", "round-the-clock"),
        }.SelectMany(f => Sample(f.Item1, f.Item2)).ToList();
        Assert.True(articles.Count >= 20);

        var prints = articles.Select(StoryFingerprint.Of).ToList();
        var matcher = new StoryMatcher(new WordRarity(prints));
        var matches = new List<string>();
        for (var i = 0; i < articles.Count; i++)
        {
            for (var j = i + 1; j < articles.Count; j++)
            {
                if (matcher.Match(prints[i], prints[j]) is not null)
                {
                    matches.Add($"{articles[i].Title} | {articles[j].Title}");
                }
            }
        }

        Assert.Equal(["Heavy-lift rocket completes first full-duration static fire | Nine-engine heavy-lift rocket finishes full-length static fire test"], matches);
    }

    [Theory]
    [InlineData(
        "Central bank raises interest rates by half a point", "The bank lifted its main rate to 4.5 percent to fight inflation, the third rise this year.",
        "Interest rates up half a point as central bank fights inflation", "Policymakers voted to raise the main rate to 4.5 percent, the third increase this year.")]
    [InlineData(
        "Storm Freya brings 90 mph winds to the north coast", "Ferries were cancelled and thousands of homes lost power as Storm Freya hit overnight.",
        "Thousands without power after Storm Freya batters coast", "Winds of up to 90 mph cut power to thousands of homes and ferries were cancelled.")]
    public void Rank_rewordedReportsOfOneStory_becomeOneStory(string title1, string summary1, string title2, string summary2)
    {
        var ranking = ranker.Rank("space", [Make("x", title1, summary1, "a"), Make("y", title2, summary2, "b")], Policy(), [], Now);

        var story = Assert.Single(ranking.Stories);
        Assert.Single(story.Duplicates);
    }

    [Fact]
    public void Rank_sameHeadlineAWeekApartWithLeadsOfTheirOwn_isOneStoryNamingTheMatch()
    {
        var wire = Make("x", "Record heatwave grips the northern plains", "Temperatures passed 40C in three states on Monday, the hottest day since records began.", "a", hoursOld: 2);
        var weekly = Make("y", "Record heatwave grips the northern plains", "Farmers count the cost as a week of extreme heat withers the wheat harvest.", "b", hoursOld: 24 * 7);

        var ranking = ranker.Rank("space", [wire, weekly, Make("z", "Heatwave ends with storms on the southern coast")], Policy(), [], Now);

        var story = Assert.Single(ranking.Stories, s => s.Duplicates.Count > 0);
        Assert.Equal("x", story.Lead.Id);
        var merged = Assert.Single(story.Merged);
        Assert.Equal("y", merged.Article.Id);
        Assert.Equal(StoryMatchKind.Headline, merged.Match.Kind);
        Assert.Equal(RankingPolicy.CoverageBonus, story.Signals.Coverage);
        Assert.Equal(2, ranking.Stories.Count);
    }

    [Fact]
    public void Rank_rewordedHeadlineSupportedByTheLead_isMergedAsTextMatch()
    {
        var first = Make("x", "Tigris bridge reopens in Mosul after repairs", "Engineers reopened the Tigris bridge linking both halves of Mosul.", "a");
        var second = Make("y", "Mosul reopens repaired bridge over the Tigris", "The bridge across the Tigris in Mosul carried traffic again after repairs.", "b", hoursOld: 5);

        var story = Assert.Single(ranker.Rank("space", [first, second], Policy(), [], Now).Stories);

        var match = Assert.Single(story.Merged).Match;
        Assert.Equal(StoryMatchKind.Text, match.Kind);
        Assert.InRange(match.Score, StoryMatcher.TextThreshold, 1);
        Assert.Contains("tigris", match.SharedWords);
    }

    [Fact]
    public void Rank_rewordedHeadlinesWeeksApart_stayApart()
    {
        const string Lead = "Watch the comet webcast live from the observatory tonight at 7 p.m.";
        var first = Make("x", "Comet stars in observatory webcast tonight", Lead, "a");
        var second = Make("y", "How to watch the comet live from the observatory tonight", Lead, "b", hoursOld: 24 * 60);
        var prints = new[] { StoryFingerprint.Of(first), StoryFingerprint.Of(second with { Published = first.Published }) };
        Assert.NotNull(new StoryMatcher(new WordRarity(prints)).Match(prints[0], prints[1]));

        Assert.Equal(2, ranker.Rank("space", [first, second], Policy(halfLifeHours: 24 * 90), [], Now).Stories.Count);
    }

    [Theory]
    [InlineData(
        "Storm warning issued for the north coast", "Forecasters expect gusts of 70 mph on Thursday.",
        "Storm damage repairs on the north coast finish", "Crews finished rebuilding the sea wall damaged last winter.")]
    [InlineData("Distinct headline 1", null, "Distinct headline 2", null)]
    [InlineData(
        "Rocket launches weather satellite", "The satellite will watch storms over the Atlantic.",
        "Rocket launches navigation satellite", "The satellite joins a constellation of 24 navigation spacecraft.")]
    public void Rank_differentStoriesSharingWords_stayApart(string title1, string? summary1, string title2, string? summary2)
    {
        var ranking = ranker.Rank("space", [Make("x", title1, summary1, "a"), Make("y", title2, summary2, "b")], Policy(), [], Now);

        Assert.Equal(2, ranking.Stories.Count);
        Assert.All(ranking.Stories, s => Assert.Empty(s.Duplicates));
    }

    [Fact]
    public void Rank_itemsOfOneSourceSharingTemplateText_stayApart()
    {
        const string Template = "Analysts at the research desk rate the stock {0} with a twelve month price target, according to a note published this morning.";
        var items = new[] { ("NVIDIA", "Buy"), ("Goldman Sachs", "Buy"), ("Gartner", "Outperform"), ("Teva", "Hold") }
            .Select((c, i) => Make(
                $"r{i}", $"{c.Item1} stock rated {c.Item2} by research desk analysts", string.Format(System.Globalization.CultureInfo.InvariantCulture, Template, c.Item2), "a", hoursOld: i))
            .ToList();
        var prints = items.Select(StoryFingerprint.Of).ToList();
        Assert.NotNull(new StoryMatcher(new WordRarity(prints)).Match(prints[0], prints[1]));

        var ranking = ranker.Rank("space", items, Policy(), [], Now);

        Assert.Equal(4, ranking.Stories.Count);
    }

    [Fact]
    public void Cluster_chainOfLooselySimilarItems_comparesWithLeadsOnly()
    {
        IReadOnlyList<Article> items =
        [
            Make("1", "alpha bravo charlie delta echo foxtrot"),
            Make("2", "alpha bravo charlie delta golf hotel india juliet"),
            Make("3", "golf hotel india juliet kilo lima mike november"),
        ];

        var stories = StoryClusterer.Cluster(items, StoryFingerprint.Of, new StoryMatcher(new WordRarity(items.Select(StoryFingerprint.Of))));

        Assert.Equal([["1", "2"], ["3"]], stories.Select(s => s.Select(m => m.Item.Id).ToArray()).ToArray());
    }
}
