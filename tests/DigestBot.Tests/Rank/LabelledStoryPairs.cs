using System.Security.Cryptography;
using System.Text;
using DigestBot.Fetch;
using DigestBot.Model;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Rank;

/// <summary>
/// Pairs of real feed items from the shared corpus, each read and labelled by hand as the same story, a different story,
/// or related (one event, another angle or development: a judgement call, counted in neither figure). The data file holds
/// only feed paths, item positions, link hashes and labels; the text is read from the corpus at test time.
/// </summary>
internal sealed class LabelledStoryPairs
{
    public const string DataFile = "Rank/Data/story-pairs.tsv";

    private LabelledStoryPairs(
        IReadOnlyDictionary<string, IReadOnlyList<Article>> feeds, IReadOnlyDictionary<string, Article> items, IReadOnlyList<string[]> groups, IReadOnlyList<LabelledPair> pairs)
    {
        Feeds = feeds;
        Items = items;
        Groups = groups;
        Pairs = pairs;
    }

    /// <summary>The articles of each feed by alias, in feed order: "sd1" is the first of feed "sd".</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Article>> Feeds { get; }

    /// <summary>Every labelled item by its key (feed alias and 1-based item number, "sd1").</summary>
    public IReadOnlyDictionary<string, Article> Items { get; }

    /// <summary>Feed aliases that were read together: every pair across them that is not listed is a different story.</summary>
    public IReadOnlyList<string[]> Groups { get; }

    public IReadOnlyList<LabelledPair> Pairs { get; }

    /// <summary>The data file with the corpus's articles, or an exception naming the item whose link no longer matches.</summary>
    public static LabelledStoryPairs Load(string corpusRoot, DateTimeOffset fetchedAt)
    {
        var feeds = new Dictionary<string, IReadOnlyList<Article>>(StringComparer.Ordinal);
        var items = new Dictionary<string, Article>(StringComparer.Ordinal);
        var groups = new List<string[]>();
        var pairs = new List<LabelledPair>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, DataFile)))
        {
            var fields = line.Split('\t');
            switch (fields[0])
            {
                case "feed":
                    feeds[fields[1]] = Read(corpusRoot, fields[2], fields[1], fetchedAt);
                    break;
                case "group":
                    groups.Add(fields[1..]);
                    break;
                case "item":
                    items[fields[1]] = Item(feeds, fields[1], fields[2]);
                    break;
                case "same" or "different" or "related":
                    pairs.AddRange(Expand(fields[0], fields[1..], pairs));
                    break;
            }
        }

        return new LabelledStoryPairs(feeds, items, groups, pairs);
    }

    public static string LinkHash(string link) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(link)).AsSpan(0, 4));

    private static IReadOnlyList<Article> Read(string corpusRoot, string relativePath, string alias, DateTimeOffset fetchedAt)
    {
        var path = Path.Combine(corpusRoot, relativePath);
        var feed = new FeedParser().Parse(File.ReadAllBytes(path), new Uri(path), null);
        return ArticleMapper.ToArticles(feed, new FeedSource(alias, new Uri(path), "news", null, 1.0), fetchedAt);
    }

    private static Article Item(Dictionary<string, IReadOnlyList<Article>> feeds, string key, string linkHash)
    {
        var alias = key.TrimEnd("0123456789".ToCharArray());
        var position = int.Parse(key[alias.Length..], System.Globalization.CultureInfo.InvariantCulture) - 1;
        var articles = feeds[alias];
        var article = position < articles.Count ? articles[position] : null;
        if (article is null || LinkHash(article.Link) != linkHash)
        {
            throw new InvalidOperationException($"{key}: item {position + 1} of the feed is not the labelled one (link hash {linkHash}); the feed or its parsing changed");
        }

        return article;
    }

    /// <summary>Two keys are one pair; more are every pair among them not labelled on an earlier line.</summary>
    private static IEnumerable<LabelledPair> Expand(string label, string[] keys, List<LabelledPair> earlier)
    {
        var known = earlier.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            for (var j = i + 1; j < keys.Length; j++)
            {
                var pair = new LabelledPair(keys[i], keys[j], label);
                if (!known.Contains(pair.Key))
                {
                    yield return pair;
                }
            }
        }
    }
}

internal sealed record LabelledPair(string A, string B, string Label)
{
    public string Key => string.CompareOrdinal(A, B) < 0 ? $"{A}|{B}" : $"{B}|{A}";
}
