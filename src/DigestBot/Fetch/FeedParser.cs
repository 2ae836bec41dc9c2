using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace DigestBot.Fetch;

/// <summary>Parses RSS 2.0, RSS 1.0 and Atom 1.0 documents into <see cref="ParsedFeed"/>.</summary>
public sealed class FeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace ContentNs = "http://purl.org/rss/1.0/modules/content/";

    public ParsedFeed Parse(Stream stream, Uri? baseUri = null)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(stream, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Ignore,
                XmlResolver = null,
                MaxCharactersFromEntities = 1024,
                Async = false,
            });
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException($"not well-formed XML: {ex.Message}", ex);
        }

        var root = document.Root ?? throw new FeedFormatException("empty document");
        return root.Name.LocalName switch
        {
            "rss" => ParseRss(root.Element("channel") ?? throw new FeedFormatException("RSS without <channel>"), root.Elements("channel").Elements("item"), "rss"),
            "RDF" => ParseRss(root.Element(Rss1 + "channel") ?? throw new FeedFormatException("RSS 1.0 without <channel>"), root.Elements(Rss1 + "item"), "rss1.0"),
            "feed" when root.Name.Namespace == Atom => ParseAtom(root),
            _ => throw new FeedFormatException($"root element <{root.Name.LocalName}> is not RSS or Atom"),
        };
    }

    private static ParsedFeed ParseRss(XElement channel, IEnumerable<XElement> items, string format)
    {
        var ns = channel.Name.Namespace;
        var entries = items.Select(item => new ParsedEntry
        {
            Id = (string?)item.Element(ns + "guid"),
            Title = Text(item.Element(ns + "title")),
            Link = Text(item.Element(ns + "link")),
            Summary = Text(item.Element(ns + "description")),
            ContentHtml = Text(item.Element(ContentNs + "encoded")),
            Author = Text(item.Element(ns + "author")) ?? Text(item.Element(Dc + "creator")),
            Published = Date(item.Element(ns + "pubDate")) ?? Date(item.Element(Dc + "date")),
            Categories = item.Elements(ns + "category").Select(c => c.Value.Trim()).Where(c => c.Length > 0).ToList(),
            ImageUrl = (string?)item.Element(ns + "enclosure")?.Attribute("url"),
        }).ToList();
        return new ParsedFeed(format, Text(channel.Element(ns + "title")), Text(channel.Element(ns + "link")),
            Text(channel.Element(ns + "copyright")) ?? Text(channel.Element(Dc + "rights")), entries);
    }

    private static ParsedFeed ParseAtom(XElement feed)
    {
        var entries = feed.Elements(Atom + "entry").Select(entry => new ParsedEntry
        {
            Id = Text(entry.Element(Atom + "id")),
            Title = Text(entry.Element(Atom + "title")),
            Link = AtomLink(entry),
            Summary = Text(entry.Element(Atom + "summary")),
            ContentHtml = Text(entry.Element(Atom + "content")),
            Author = Text(entry.Element(Atom + "author")?.Element(Atom + "name")),
            Published = Date(entry.Element(Atom + "published")) ?? Date(entry.Element(Atom + "updated")),
            Updated = Date(entry.Element(Atom + "updated")),
            Categories = entry.Elements(Atom + "category").Select(c => (string?)c.Attribute("term") ?? "").Where(c => c.Length > 0).ToList(),
        }).ToList();
        return new ParsedFeed("atom1.0", Text(feed.Element(Atom + "title")), AtomLink(feed), Text(feed.Element(Atom + "rights")), entries);
    }

    private static string? AtomLink(XElement element) =>
        element.Elements(Atom + "link")
            .Where(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate")
            .Select(l => (string?)l.Attribute("href"))
            .FirstOrDefault();

    private static string? Text(XElement? element)
    {
        var value = element?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static DateTimeOffset? Date(XElement? element)
    {
        var text = Text(element);
        if (text is null)
        {
            return null;
        }

        string[] formats = ["ddd, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss 'UT'"];
        var normalized = text.Replace("+0000", "+00:00", StringComparison.Ordinal);
        if (DateTimeOffset.TryParseExact(normalized, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var rfc822))
        {
            return rfc822.ToUniversalTime();
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var any)
            ? any.ToUniversalTime()
            : null;
    }
}
