using System.Globalization;
using System.Security;
using System.Text;

namespace DigestBot.Bench.Support;

/// <summary>Generated RSS 2.0 feeds of realistic story length (titles ~70 characters, descriptions ~400).</summary>
public static class SyntheticFeeds
{
    // Made-up words from syllables: every story gets its own vocabulary, so the ranker never takes two as one story.
    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ber", "cal", "dor", "fen", "gal", "hum", "jor", "kel", "lun", "mar",
        "nor", "pel", "quin", "ros", "sol", "tan", "ul", "ven", "wex", "yor", "zan", "bri", "cro", "dra", "fli", "gro", "pla", "tre",
    ];

    public static string Rss(string sectionId, int items, DateTimeOffset now)
    {
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>");
        xml.Append(CultureInfo.InvariantCulture, $"<title>{sectionId} wire</title><link>https://news.bench.example/{sectionId}/</link><description>Bench feed</description>");
        for (var i = 0; i < items; i++)
        {
            var published = now.AddMinutes(-5 - i).ToString("R", CultureInfo.InvariantCulture);
            xml.Append("<item>");
            xml.Append(CultureInfo.InvariantCulture, $"<title>{SecurityElement.Escape(Sentence(Seed(sectionId) + i, 10))}</title>");
            xml.Append(CultureInfo.InvariantCulture, $"<link>https://news.bench.example/{sectionId}/2026/11/story-{i}-{Guid.NewGuid():N}</link>");
            xml.Append(CultureInfo.InvariantCulture, $"<guid isPermaLink=\"false\">{sectionId}-{i}-{Guid.NewGuid():N}</guid>");
            xml.Append(CultureInfo.InvariantCulture, $"<pubDate>{published}</pubDate>");
            xml.Append(CultureInfo.InvariantCulture, $"<description>{SecurityElement.Escape(Paragraph(Seed(sectionId) + i * 7919, 4))}</description>");
            xml.Append("</item>");
        }

        xml.Append("</channel></rss>");
        return xml.ToString();
    }

    public static string Sentence(int seed, int words)
    {
        var random = new Random(seed);
        var text = string.Join(' ', Enumerable.Range(0, words).Select(_ => Word(random)));
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>A seed that is the same in every run (string.GetHashCode is not).</summary>
    private static int Seed(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));

    private static string Word(Random random) =>
        string.Concat(Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Syllables[random.Next(Syllables.Length)]));

    public static string Paragraph(int seed, int sentences) =>
        string.Join(' ', Enumerable.Range(0, sentences).Select(s => Sentence(seed + s, 12) + "."));
}
