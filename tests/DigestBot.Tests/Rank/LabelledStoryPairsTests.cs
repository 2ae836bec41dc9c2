using DigestBot.Model;
using DigestBot.Rank;
using DigestBot.Tests.Support;
using Xunit.Abstractions;

namespace DigestBot.Tests.Rank;

/// <summary>
/// Precision and recall of story clustering on real feeds (SpaceDaily, SPACE.com, ESA, NASA; Reuters, NYT, CTV, Indian
/// Express), against pairs labelled by reading them: each group of feeds is ranked as one section, and two items count as
/// merged when they end up in one story.
/// </summary>
public sealed class LabelledStoryPairsTests(ITestOutputHelper output)
{
    /// <summary>Floors just under what the clusterer reaches (precision 1.000, recall 0.526, 0.870 over all pairs), so
    /// that a change that loses ground fails.</summary>
    private const double MinPrecision = 0.95;
    private const double MinRecall = 0.5;
    private const double MinPrecisionOverAllPairs = 0.85;

    [SkippableFact]
    public void Rank_labelledRealFeedPairs_reachesPrecisionAndRecallFloors()
    {
        Skip.If(TestPaths.CorpusRoot is null, TestPaths.CorpusMissingMessage + " The labelled story pairs are read from it.");
        var set = LabelledStoryPairs.Load(TestPaths.CorpusRoot!, TestArticles.Now);
        var storyOf = set.Groups.SelectMany(StoriesOf(set)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        bool Merged(string a, string b) => storyOf[a] == storyOf[b];

        var labelled = set.Pairs.ToDictionary(p => p.Key, p => p.Label, StringComparer.Ordinal);
        var same = set.Pairs.Where(p => p.Label == "same").ToList();
        var different = set.Pairs.Where(p => p.Label == "different").ToList();
        var found = same.Count(p => Merged(p.A, p.B));
        var wrong = different.Where(p => Merged(p.A, p.B)).ToList();
        var unlisted = storyOf.Keys
            .SelectMany(a => storyOf.Keys.Where(b => string.CompareOrdinal(a, b) < 0 && Merged(a, b)).Select(b => new LabelledPair(a, b, "different")))
            .Where(p => !labelled.ContainsKey(p.Key))
            .ToList();
        var precision = (double)found / Math.Max(1, found + wrong.Count);
        var recall = (double)found / same.Count;
        var precisionAll = (double)found / Math.Max(1, found + wrong.Count + unlisted.Count);

        output.WriteLine($"{set.Pairs.Count} labelled pairs: {same.Count} same, {different.Count} different, {set.Pairs.Count(p => p.Label == "related")} related");
        output.WriteLine($"precision {precision:0.000} ({found} of {found + wrong.Count} merged labelled pairs), recall {recall:0.000} ({found} of {same.Count})");
        output.WriteLine($"precision over every pair of the read feeds {precisionAll:0.000} ({unlisted.Count} merged pairs not listed, all different stories)");
        output.WriteLine($"related pairs merged: {set.Pairs.Count(p => p.Label == "related" && Merged(p.A, p.B))}");
        foreach (var pair in wrong.Concat(unlisted))
        {
            output.WriteLine($"  merged, but different: {pair.A} \"{Title(set, pair.A)}\" | {pair.B} \"{Title(set, pair.B)}\"");
        }

        foreach (var pair in same.Where(p => !Merged(p.A, p.B)))
        {
            output.WriteLine($"  not merged: {pair.A} \"{Title(set, pair.A)}\" ({storyOf[pair.A]}) | {pair.B} \"{Title(set, pair.B)}\" ({storyOf[pair.B]})");
        }

        Assert.True(same.Count >= 30 && different.Count >= 150, "the labelled set is smaller than it should be");
        Assert.True(precision >= MinPrecision, $"precision {precision:0.000} < {MinPrecision}");
        Assert.True(recall >= MinRecall, $"recall {recall:0.000} < {MinRecall}");
        Assert.True(precisionAll >= MinPrecisionOverAllPairs, $"precision over all pairs {precisionAll:0.000} < {MinPrecisionOverAllPairs}");
    }

    /// <summary>Ranks the feeds of one group as one section; maps each item key to the index of its story.</summary>
    private static Func<string[], IEnumerable<KeyValuePair<string, string>>> StoriesOf(LabelledStoryPairs set) => group =>
    {
        var keyOf = new Dictionary<Article, string>(ReferenceEqualityComparer.Instance);
        foreach (var alias in group)
        {
            for (var i = 0; i < set.Feeds[alias].Count; i++)
            {
                keyOf[set.Feeds[alias][i]] = alias + (i + 1);
            }
        }

        var articles = keyOf.Keys.ToList();
        var policy = new RankingPolicy(TimeSpan.FromHours(12), 10, group.ToDictionary(a => a, _ => 1.0, StringComparer.OrdinalIgnoreCase), new Dictionary<string, double>(), []);
        var ranking = new ArticleRanker().Rank("news", articles, policy, [], articles.Max(a => a.Published));
        Assert.Empty(ranking.Excluded);
        return ranking.Stories.SelectMany((story, index) => story.Duplicates.Prepend(story.Lead).Select(a => KeyValuePair.Create(keyOf[a], $"story of {keyOf[story.Lead]}")));
    };

    private static string Title(LabelledStoryPairs set, string key) => set.Items.TryGetValue(key, out var item) ? item.Title : FeedItem(set, key).Title;

    private static Article FeedItem(LabelledStoryPairs set, string key)
    {
        var alias = key.TrimEnd("0123456789".ToCharArray());
        return set.Feeds[alias][int.Parse(key[alias.Length..], System.Globalization.CultureInfo.InvariantCulture) - 1];
    }
}
