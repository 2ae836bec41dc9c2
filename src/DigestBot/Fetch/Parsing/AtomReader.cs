using System.Xml.Linq;
using static DigestBot.Fetch.Parsing.FeedNamespaces;

namespace DigestBot.Fetch.Parsing;

/// <summary>Atom 1.0 and 0.3 (issued/modified/tagline/copyright, mode="escaped|base64|xml").</summary>
internal static class AtomReader
{
    public static ParsedFeed Read(XElement feed, string format, Uri? documentBase)
    {
        var ns = feed.Name.Namespace;
        var (title, _) = TextConstruct.Read(feed.Element(ns + "title"), documentBase);
        var (subtitle, _) = TextConstruct.Read(feed.Element(ns + "subtitle") ?? feed.Element(ns + "tagline"), documentBase);
        var (rights, _) = TextConstruct.Read(feed.Element(ns + "rights") ?? feed.Element(ns + "copyright"), documentBase);
        var (author, email) = Person(feed.Element(ns + "author"), ns);
        return new ParsedFeed(format, title, AtomLinks.Alternate(feed, documentBase), rights,
            feed.Elements(ns + "entry").Select(entry => ReadEntry(entry, ns, documentBase)).ToList())
        {
            Subtitle = subtitle,
            Language = FeedXml.Language(feed),
            Author = author,
            AuthorEmail = email,
            Updated = FeedDate.Parse(FeedXml.Text(feed.Element(ns + "updated") ?? feed.Element(ns + "modified"))),
            ImageUrl = FeedXml.Resolve(FeedXml.Text(feed.Element(ns + "logo") ?? feed.Element(ns + "icon")), FeedXml.BaseOf(feed, documentBase)),
            Links = AtomLinks.All(feed, documentBase),
        };
    }

    /// <summary>A document whose root is a single Atom entry: read as a feed of one.</summary>
    public static ParsedFeed ReadEntryDocument(XElement entry, string format, Uri? documentBase) =>
        new(format, null, null, null, [ReadEntry(entry, entry.Name.Namespace, documentBase)]);

    private static ParsedEntry ReadEntry(XElement entry, XNamespace ns, Uri? documentBase)
    {
        var entryBase = FeedXml.BaseOf(entry, documentBase);
        var links = AtomLinks.All(entry, documentBase);
        var enclosures = links.Where(l => l.Rel == "enclosure").ToList();
        var (title, titleIsHtml) = TextConstruct.Read(entry.Element(ns + "title") ?? entry.Element(Media + "group")?.Element(Media + "title"), documentBase);
        var (summary, _) = TextConstruct.Read(entry.Element(ns + "summary") ?? entry.Element(Media + "group")?.Element(Media + "description"), documentBase);
        var contentElement = entry.Element(ns + "content");
        var (content, _) = TextConstruct.Read(contentElement, documentBase);
        var (author, email) = Person(entry.Element(ns + "author") ?? entry.Parent?.Element(ns + "author"), ns);
        var published = FeedDate.Parse(FeedXml.Text(entry.Element(ns + "published") ?? entry.Element(ns + "issued") ?? entry.Element(ns + "created")));
        return new ParsedEntry
        {
            Id = FeedXml.Text(entry.Element(ns + "id")),
            Title = title,
            TitleIsHtml = titleIsHtml,
            Link = AtomLinks.Alternate(entry, documentBase)
                   ?? FeedXml.Resolve(FeedXml.Attr(contentElement, "src"), entryBase),
            Summary = summary,
            ContentHtml = content,
            Author = author ?? FeedXml.Text(entry.Element(Dc + "creator")),
            AuthorEmail = email,
            Published = published ?? FeedDate.Parse(FeedXml.Text(entry.Element(Dc + "date"))),
            Updated = FeedDate.Parse(FeedXml.Text(entry.Element(ns + "updated") ?? entry.Element(ns + "modified"))),
            Categories = entry.Elements(ns + "category").Select(c => FeedXml.Attr(c, "term") ?? FeedXml.Attr(c, "label") ?? FeedXml.Text(c))
                .Concat(entry.Elements(Dc + "subject").Select(FeedXml.Text))
                .OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            Image = MediaImage.Find(entry, enclosures, entryBase),
            Links = links,
            Enclosures = enclosures,
        };
    }

    private static (string? Name, string? Email) Person(XElement? person, XNamespace ns) =>
        person is null ? (null, null) : (FeedXml.Text(person.Element(ns + "name")) ?? (person.HasElements ? null : FeedXml.Text(person)), FeedXml.Text(person.Element(ns + "email")));
}
