using DigestBot.Cli;
using DigestBot.Options;
using DigestBot.Pipeline;
using DigestBot.Rank;
using DigestBot.Tests.Rank;
using Xunit;
using static DigestBot.Tests.Rank.TestArticles;

namespace DigestBot.Tests.Cli;

public sealed class ExplainFormatterTests
{
    [Fact]
    public void Format_bundledSpaceSamples_listsEverySignalTheStaticFireClusterAndTheCut()
    {
        var catalog = new CatalogOptions();
        catalog.Sections["space"] = new SectionOptions { Title = "Space News", TopN = 5 };
        var candidates = Sample("space-news.xml", "orbital-ledger").Concat(Sample("launch-wire.xml", "launch-wire")).ToList();
        var weights = new Dictionary<string, double> { ["orbital-ledger"] = 1.0, ["launch-wire"] = 0.8 };
        var section = new ArticleRanker().Rank("space", candidates, Policy(weights: weights, mute: ["asteroid"]), [], Now);

        var text = ExplainFormatter.Format(new DigestRanking("daily", Now, Now.AddDays(-1), [section]), catalog);
        var again = ExplainFormatter.Format(new DigestRanking("daily", Now, Now.AddDays(-1), [new ArticleRanker().Rank("space", candidates.AsEnumerable().Reverse(), Policy(weights: weights, mute: ["asteroid"]), [], Now)]), catalog);

        Assert.Equal(text, again);
        var lines = text.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("[space] Space News: 7 stories, top 5 shown", StringComparison.Ordinal));
        Assert.Contains("score  recency position coverage   source keywords", text, StringComparison.Ordinal);
        var first = lines.Single(l => l.StartsWith("   1 ", StringComparison.Ordinal));
        Assert.Contains("0.250", first, StringComparison.Ordinal);
        Assert.Contains("Heavy-lift rocket completes first full-duration static fire [orbital-ledger #0]", first, StringComparison.Ordinal);
        var merged = lines.Single(l => l.Contains("same story: \"Nine-engine heavy-lift rocket", StringComparison.Ordinal));
        Assert.Contains("[launch-wire #0]: text similarity 0.", merged, StringComparison.Ordinal);
        Assert.Contains("shared: ", merged, StringComparison.Ordinal);
        Assert.Contains("static", merged, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("not shown below this line", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("left out: \"Asteroid sample capsule opened in clean room\"", StringComparison.Ordinal) && l.Contains("muted: 'asteroid'", StringComparison.Ordinal));
    }
}
