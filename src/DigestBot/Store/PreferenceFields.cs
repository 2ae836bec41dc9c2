using DigestBot.Model;

namespace DigestBot.Store;

/// <summary>The names a preference change is logged under: which fields differ, compared as the reader sees them.</summary>
public static class PreferenceFields
{
    public const string Sections = "sections";
    public const string Digests = "digests";
    public const string TimeZone = "time zone";
    public const string DeliveryHour = "delivery hour";
    public const string MutedWords = "muted words";

    /// <summary>Logged when the subscribe form sets a new or not yet confirmed reader's choices.</summary>
    public const string Subscribe = "subscribe form";

    public static IReadOnlyList<string> Changed(Subscriber current, ReaderPreferences chosen)
    {
        var changed = new List<string>();
        if (!SameSet(current.Sections, chosen.Sections))
        {
            changed.Add(Sections);
        }

        if (chosen.Digests is { } digests && !SameSet(current.Digests, digests))
        {
            changed.Add(Digests);
        }

        if (!string.Equals(current.TimeZone ?? "", chosen.TimeZone ?? "", StringComparison.Ordinal))
        {
            changed.Add(TimeZone);
        }

        if (current.DeliveryHour != chosen.DeliveryHour)
        {
            changed.Add(DeliveryHour);
        }

        if (!current.MutedWords.SequenceEqual(chosen.MutedWords, StringComparer.Ordinal))
        {
            changed.Add(MutedWords);
        }

        return changed;
    }

    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(b);
}
