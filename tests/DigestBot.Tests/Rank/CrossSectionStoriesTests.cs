using DigestBot.Rank;
using Xunit;
using static DigestBot.Tests.Rank.TestArticles;

namespace DigestBot.Tests.Rank;

public sealed class CrossSectionStoriesTests
{
    private const string Comet = "Comet heads for close pass by Mars next week";

    [Fact]
    public void ShowOnce_storyBelowTheEarlierSectionsCut_staysInTheLaterSection()
    {
        var ranker = new ArticleRanker();
        var space = ranker.Rank("space", [
            Make("a1", "Rover finds ancient river delta in Jezero crater", source: "a"),
            Make("a2", Comet, source: "a", hoursOld: 6, position: 1),
        ], Policy(topN: 1), [], Now);
        var military = ranker.Rank("military", [
            Make("b1", Comet, source: "b"),
            Make("b2", "Army tests hypersonic glide vehicle over the Pacific", source: "b", hoursOld: 3, position: 1),
        ], Policy(topN: 2), [], Now);

        var sections = CrossSectionStories.ShowOnce([space, military]);

        Assert.Equal(["Rover finds ancient river delta in Jezero crater", Comet], Titles(sections[0]));
        Assert.Equal([Comet, "Army tests hypersonic glide vehicle over the Pacific"], sections[1].Top.Select(s => s.Lead.Title));
        Assert.Empty(sections[1].Excluded);
    }
}
