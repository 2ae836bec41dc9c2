using System.Xml.Linq;

namespace DigestBot.Fetch.Parsing;

/// <summary>The namespaces feeds use, core and modules.</summary>
internal static class FeedNamespaces
{
    public static readonly XNamespace Atom10 = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Atom03 = "http://purl.org/atom/ns#";
    public static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";
    public static readonly XNamespace Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace DcTerms = "http://purl.org/dc/terms/";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    public static readonly XNamespace Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace Xml = XNamespace.Xml;

    /// <summary>Prefixes feeds use without declaring them, so a repaired document can still place them.</summary>
    public static XNamespace ForUndeclaredPrefix(string prefix) => prefix switch
    {
        "dc" => Dc,
        "dcterms" => DcTerms,
        "content" => Content,
        "media" => Media,
        "itunes" => Itunes,
        "atom" => Atom10,
        "rdf" => Rdf,
        "xhtml" => Xhtml,
        _ => "urn:undeclared:" + prefix,
    };
}
