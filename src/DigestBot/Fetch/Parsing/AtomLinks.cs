using System.Xml.Linq;

namespace DigestBot.Fetch.Parsing;

/// <summary>Atom-style &lt;link rel href type length&gt; elements, in Atom documents and inside RSS (atom:link).</summary>
internal static class AtomLinks
{
    public static List<FeedLink> All(XElement parent, Uri? documentBase) =>
        parent.Elements()
            .Where(e => e.Name.LocalName == "link" && (e.Name.Namespace == FeedNamespaces.Atom10 || e.Name.Namespace == FeedNamespaces.Atom03
                                                       || (e.Name.Namespace == parent.Name.Namespace && e.Attribute("href") is not null)))
            .Select(e => Read(e, documentBase))
            .OfType<FeedLink>()
            .ToList();

    /// <summary>The first alternate link (rel missing means alternate), preferring HTML when several are given.</summary>
    public static string? Alternate(XElement parent, Uri? documentBase)
    {
        var alternates = All(parent, documentBase).Where(l => l.Rel == "alternate").ToList();
        return (alternates.FirstOrDefault(l => l.Type is null or "text/html" or "application/xhtml+xml") ?? alternates.FirstOrDefault())?.Href;
    }

    private static FeedLink? Read(XElement link, Uri? documentBase)
    {
        var href = FeedXml.Resolve(FeedXml.Attr(link, "href"), FeedXml.BaseOf(link, documentBase));
        return href is null ? null : new FeedLink(href, FeedXml.Attr(link, "rel") ?? "alternate", FeedXml.Attr(link, "type"), FeedXml.Attr(link, "length"));
    }
}
