using DigestBot.Model;
using DigestBot.Summarize;

namespace DigestBot.Render.Email;

/// <summary>
/// The line under a story: source, time, the other sources that reported it and a short credit, e.g.
/// "Example Wire · 25 Nov, 09:12 UTC · also in Daily Planet, Orbit News and 2 more · AFP · © Example Wire 2024".
/// Never longer than <see cref="MaxLength"/>: feed titles and rights notices can be paragraphs.
/// </summary>
public static class StoryMeta
{
    public const int MaxLength = 160;
    public const string Separator = " · ";

    private const int SourceLength = 48;
    private const int OtherSourceLength = 32;
    private const int CreditLength = 48;

    public static string Line(DigestItem item, string when)
    {
        var head = Short(item.Article.SourceName ?? item.Article.SourceId, SourceLength) + Separator + when;
        var credit = Credit(item);
        var tail = credit is null ? "" : Separator + Short(credit, CreditLength);
        var others = item.AlsoReportedBy.Select(s => Short(s.Name ?? s.SourceId, OtherSourceLength)).ToList();
        var line = head + AlsoIn(others, MaxLength - head.Length - tail.Length) + tail;
        return line.Length <= MaxLength ? line : TextCutter.Cut(line, MaxLength);
    }

    /// <summary>The agency the dateline named and the feed's copyright line; the agency alone when the line names it already.</summary>
    public static string? Credit(DigestItem item)
    {
        var rights = RightsNotice.Short(item.Article.Rights);
        var agency = string.IsNullOrWhiteSpace(item.Credit) ? null : item.Credit.Trim();
        return (agency, rights) switch
        {
            (null, _) => rights,
            (_, null) => agency,
            _ when rights.Contains(agency, StringComparison.OrdinalIgnoreCase) => rights,
            _ => agency + Separator + rights,
        };
    }

    /// <summary>As many of the other sources by name as fit in <paramref name="room"/> chars, the rest counted.</summary>
    private static string AlsoIn(IReadOnlyList<string> others, int room)
    {
        if (others.Count == 0)
        {
            return "";
        }

        for (var named = others.Count; named >= 0; named--)
        {
            var rest = others.Count - named;
            var text = named == 0
                ? $"{Separator}also in {rest} other source{(rest == 1 ? "" : "s")}"
                : $"{Separator}also in {string.Join(", ", others.Take(named))}{(rest > 0 ? $" and {rest} more" : "")}";
            if (text.Length <= room)
            {
                return text;
            }
        }

        return "";
    }

    // Every limit here is longer than TextCutter.LongestWord, so a cut name is never empty.
    private static string Short(string text, int length) => TextCutter.Cut(text.Trim(), length);
}
