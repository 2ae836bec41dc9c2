using System.Xml.Linq;
using static DigestBot.Fetch.Parsing.FeedNamespaces;

namespace DigestBot.Fetch.Parsing;

/// <summary>RSS 0.90, 0.91 (Netscape and UserLand), 0.92-0.94, 1.0 (RDF) and 2.0, with the common modules (dc, content, media, itunes, atom).</summary>
internal static class RssReader
{
    public static ParsedFeed Read(XElement root, string format, Uri? documentBase)
    {
        var core = CoreNamespaces(root);
        // An <rss> without a channel is an empty (or broken) feed rather than an error: read what is there.
        var channel = root.Child("channel", core) ?? root;
        // RSS 1.0 and 0.90 put items beside the channel; RSS 2.0 inside it. Some feeds mix the two.
        var items = channel.Elements().Concat(root.Elements()).Where(e => e.Name.LocalName == "item" && core.Contains(e.Name.Namespace));
        var channelBase = FeedXml.BaseOf(channel, documentBase);
        var link = FeedXml.Resolve(FeedXml.Text(channel.Child("link", core)), channelBase)
                   ?? AtomLinks.Alternate(channel, documentBase);
        // Without a document location, relative item links are read against the channel's own link.
        var entryBase = documentBase ?? (Uri.TryCreate(link, UriKind.Absolute, out var linkUri) ? linkUri : null);
        var author = RssPerson.Parse(FeedXml.Text(channel.Child("managingEditor", core) ?? channel.Child("author", core) ?? channel.Child(Dc + "creator")
                                                  ?? channel.Child(Itunes + "author") ?? channel.Child("webMaster", core)));
        var (description, _) = TextConstruct.Read(channel.Child("description", core) ?? channel.Child(Dc + "description"), documentBase, html: true);
        return new ParsedFeed(format,
            FeedXml.Text(channel.Child("title", core) ?? channel.Child(Dc + "title")),
            link,
            FeedXml.Text(channel.Child("copyright", core) ?? channel.Child(Dc + "rights")),
            items.Select(item => ReadItem(item, core, entryBase)).ToList())
        {
            Subtitle = description ?? FeedXml.Text(channel.Child(Itunes + "subtitle")) ?? FeedXml.Text(channel.Child(Itunes + "summary")),
            Language = FeedXml.Text(channel.Child("language", core) ?? channel.Child(Dc + "language")) ?? FeedXml.Language(channel),
            Author = author.Name,
            AuthorEmail = author.Email,
            Updated = FeedDate.Parse(FeedXml.Text(channel.Child("lastBuildDate", core) ?? channel.Child("pubDate", core) ?? channel.Child(Dc + "date"))),
            ImageUrl = FeedXml.Resolve(FeedXml.Text(channel.Child("image", core)?.Child("url", core)), channelBase)
                       ?? FeedXml.Attr(channel.Child(Itunes + "image"), "href"),
            Links = AtomLinks.All(channel, documentBase),
        };
    }

    private static ParsedEntry ReadItem(XElement item, IReadOnlySet<XNamespace> core, Uri? documentBase)
    {
        var itemBase = FeedXml.BaseOf(item, documentBase);
        var guid = item.Child("guid", core);
        var guidText = FeedXml.Text(guid);
        var guidIsLink = guidText is not null && !string.Equals(FeedXml.Attr(guid, "isPermaLink"), "false", StringComparison.OrdinalIgnoreCase)
                         && guidText.StartsWith("http", StringComparison.OrdinalIgnoreCase);
        var link = FeedXml.Resolve(FeedXml.Text(item.Child("link", core)), itemBase)
                   ?? AtomLinks.Alternate(item, documentBase)
                   ?? (guidIsLink ? guidText : null);
        var (title, titleIsHtml) = TextConstruct.Read(item.Child("title", core) ?? item.Child(Dc + "title") ?? item.Child(Media + "title")
                                                      ?? item.Element(Media + "content")?.Element(Media + "title"), documentBase);
        var (summary, _) = TextConstruct.Read(item.Child("description", core) ?? item.Child(Dc + "description")
                                              ?? item.Child(Itunes + "summary") ?? item.Child(Atom10 + "summary"), documentBase, html: true);
        var (content, _) = TextConstruct.Read(item.Child(Content + "encoded") ?? item.Child(Xhtml + "body") ?? item.Child("fullitem", core) ?? item.Child(Atom10 + "content"), documentBase, html: true);
        var author = RssPerson.Parse(FeedXml.Text(item.Child("author", core) ?? item.Child(Dc + "creator") ?? item.Child(Dc + "author")
                                                  ?? item.Child(Itunes + "author") ?? item.Child(Atom10 + "author")?.Child(Atom10 + "name")));
        var enclosures = item.Elements().Where(e => e.Name.LocalName == "enclosure" && core.Contains(e.Name.Namespace))
            .Select(e => FeedXml.Resolve(FeedXml.Attr(e, "url"), itemBase) is { } url ? new FeedLink(url, "enclosure", FeedXml.Attr(e, "type"), FeedXml.Attr(e, "length")) : null)
            .OfType<FeedLink>()
            .ToList();
        return new ParsedEntry
        {
            Id = guidText ?? FeedXml.Attr(item, "{" + Rdf.NamespaceName + "}about"),
            Title = title,
            TitleIsHtml = titleIsHtml,
            Link = link,
            Summary = summary,
            ContentHtml = content,
            Author = author.Name,
            AuthorEmail = author.Email,
            Published = FeedDate.Parse(FeedXml.Text(item.Child("pubDate", core) ?? item.Child(DcTerms + "issued") ?? item.Child(Dc + "date")
                                                    ?? item.Child(Atom10 + "published"))),
            Updated = FeedDate.Parse(FeedXml.Text(item.Child(DcTerms + "modified") ?? item.Child(Atom10 + "updated") ?? item.Child(Dc + "date"))),
            Categories = Categories(item, core),
            Image = MediaImage.Find(item, enclosures, itemBase),
            Links = AtomLinks.All(item, documentBase).Concat(enclosures).ToList(),
            Enclosures = enclosures,
        };
    }

    private static List<string> Categories(XElement item, IReadOnlySet<XNamespace> core) =>
        item.Elements()
            .Where(e => (e.Name.LocalName == "category" && (core.Contains(e.Name.Namespace) || e.Name.Namespace == Media))
                        || e.Name == Dc + "subject" || e.Name == Itunes + "category")
            .Select(e => FeedXml.Text(e) ?? FeedXml.Attr(e, "text"))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Namespaces in which RSS core elements may appear: none, the root's, or a known RSS namespace.</summary>
    private static HashSet<XNamespace> CoreNamespaces(XElement root)
    {
        var set = new HashSet<XNamespace> { XNamespace.None, Rss10, Rss090, "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss" };
        if (root.Name.Namespace != Rdf)
        {
            set.Add(root.Name.Namespace);
        }

        return set;
    }
}
