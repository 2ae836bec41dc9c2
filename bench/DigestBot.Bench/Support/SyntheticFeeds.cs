using System.Globalization;
using System.Security;
using System.Text;

namespace DigestBot.Bench.Support;

/// <summary>Generated RSS 2.0 feeds of realistic story length (titles ~70 characters, descriptions ~400).</summary>
public static class SyntheticFeeds
{
    private static readonly string[] Words =
    [
        "launch", "orbit", "satellite", "grid", "battery", "reactor", "mission", "crew", "station", "solar", "wind", "turbine",
        "budget", "agency", "contract", "test", "engine", "booster", "payload", "capsule", "lunar", "probe", "array", "network",
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
            xml.Append(CultureInfo.InvariantCulture, $"<title>{SecurityElement.Escape(Sentence(sectionId.GetHashCode() + i, 10))}</title>");
            xml.Append(CultureInfo.InvariantCulture, $"<link>https://news.bench.example/{sectionId}/2026/11/story-{i}-{Guid.NewGuid():N}</link>");
            xml.Append(CultureInfo.InvariantCulture, $"<guid isPermaLink=\"false\">{sectionId}-{i}-{Guid.NewGuid():N}</guid>");
            xml.Append(CultureInfo.InvariantCulture, $"<pubDate>{published}</pubDate>");
            xml.Append(CultureInfo.InvariantCulture, $"<description>{SecurityElement.Escape(Paragraph(i * 7919 + 1, 4))}</description>");
            xml.Append("</item>");
        }

        xml.Append("</channel></rss>");
        return xml.ToString();
    }

    public static string Sentence(int seed, int words)
    {
        var random = new Random(seed);
        var text = string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    public static string Paragraph(int seed, int sentences) =>
        string.Join(' ', Enumerable.Range(0, sentences).Select(s => Sentence(seed + s, 12) + "."));
}
