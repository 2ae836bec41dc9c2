namespace DigestBot.Rank;

/// <summary>
/// Words a source repeats in many of its items ("analyst rating", "fire brigade alarm", a show's name): they say nothing
/// about which story an item tells, and left in they make a feed's unrelated items look like one story.
/// </summary>
public static class SourceBoilerplate
{
    /// <summary>A word is boilerplate when at least this many items of the source carry it...</summary>
    public const int MinItems = 3;

    /// <summary>...and at least this share of them.</summary>
    public const double MinShare = 0.3;

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Find<T>(
        IEnumerable<T> items, Func<T, string> sourceId, Func<T, StoryFingerprint> fingerprint)
    {
        var result = new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in items.GroupBy(sourceId, StringComparer.OrdinalIgnoreCase))
        {
            var prints = source.Select(fingerprint).ToList();
            var needed = Math.Max(MinItems, (int)Math.Ceiling(prints.Count * MinShare));
            result[source.Key] = prints
                .SelectMany(p => p.Words)
                .GroupBy(w => w, StringComparer.Ordinal)
                .Where(g => g.Count() >= needed)
                .Select(g => g.Key)
                .ToHashSet(StringComparer.Ordinal);
        }

        return result;
    }
}
