namespace DigestBot.Rank;

/// <summary>
/// Decides whether two reports tell one story. Two rules, measured on real feeds read and labelled by hand
/// (tests/DigestBot.Tests/Rank/Data/story-pairs.tsv):
/// <list type="bullet">
/// <item>Headline: the same or nearly the same headline from two sources is one story whatever the dates; agencies
/// syndicate a report days apart and often with leads of their own.</item>
/// <item>Text: a reworded headline ("Iraqi forces close in on Tigris in Mosul", "Iraq forces near Tigris River in Mosul")
/// matches when enough telling headline words are shared, enough words of each headline occur in the other report, and
/// each report's headline is largely found in the other's headline and lead, weighted by <see cref="WordRarity"/>. Only for reports published within <see cref="TextWindow"/>: a
/// recurring event ("webcast of the comet tonight") reads the same weeks apart.</item>
/// </list>
/// </summary>
public sealed class StoryMatcher(WordRarity rarity)
{
    /// <summary>Both rules need this many shared headline words: two short headlines can be alike by chance.</summary>
    public const int MinSharedTitleWords = 3;

    /// <summary>Words of either headline that the other report's headline or lead contains: "Rocket launches weather
    /// satellite" and "Rocket launches navigation satellite" share three, two reports of one storm many more.</summary>
    public const int MinSharedWords = 4;

    /// <summary>Headline word overlap (Jaccard) from which two headlines are the same.</summary>
    public const double HeadlineThreshold = 0.7;

    /// <summary>Mean share of each headline's weight found in the other report's headline and lead.</summary>
    public const double TextThreshold = 0.35;

    /// <summary>Total rarity of the shared headline words: common words ("US", "Trump", "says") alone are not a story.</summary>
    public const double MinSharedWeight = 11;

    public static readonly TimeSpan TextWindow = TimeSpan.FromDays(3);

    public StoryMatch? Match(StoryFingerprint a, StoryFingerprint b)
    {
        var shared = a.TitleWords.Where(b.TitleWords.Contains).ToList();
        if (shared.Count < MinSharedTitleWords)
        {
            return null;
        }

        var ordered = shared.OrderByDescending(rarity.Weight).ThenBy(w => w, StringComparer.Ordinal).ToList();
        var headline = (double)shared.Count / (a.TitleWords.Count + b.TitleWords.Count - shared.Count);
        if (headline >= HeadlineThreshold && !string.Equals(a.Source, b.Source, StringComparison.OrdinalIgnoreCase))
        {
            return new StoryMatch(StoryMatchKind.Headline, headline, ordered);
        }

        if (a.Published is { } first && b.Published is { } second && (first - second).Duration() > TextWindow)
        {
            return null;
        }

        if (shared.Sum(rarity.Weight) < MinSharedWeight || SharedWords(a, b) < MinSharedWords)
        {
            return null;
        }

        var text = (Coverage(a, b) + Coverage(b, a)) / 2;
        return text >= TextThreshold ? new StoryMatch(StoryMatchKind.Text, text, ordered) : null;
    }

    private static int SharedWords(StoryFingerprint a, StoryFingerprint b) =>
        a.TitleWords.Where(b.Contains).Union(b.TitleWords.Where(a.Contains), StringComparer.Ordinal).Count();

    /// <summary>The share of <paramref name="a"/>'s headline, by word rarity, that <paramref name="b"/>'s headline or lead contains.</summary>
    private double Coverage(StoryFingerprint a, StoryFingerprint b)
    {
        double total = 0, found = 0;
        foreach (var word in a.TitleWords)
        {
            var weight = rarity.Weight(word);
            total += weight;
            if (b.Contains(word))
            {
                found += weight;
            }
        }

        return total == 0 ? 0 : found / total;
    }
}
