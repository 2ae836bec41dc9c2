using System.Globalization;
using System.Text;
using System.Xml;

namespace DigestBot.Render.Archive;

/// <summary>Writes an <see cref="ArchiveFeed"/> as Atom 1.0 (RFC 4287): feed id, title, updated, author, self and
/// alternate links; each entry with id, title, updated, published, an alternate link, a summary and HTML content.</summary>
public static class AtomFeedWriter
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static byte[] Write(ArchiveFeed feed)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, feed.IndexUrl);
            Text(xml, "title", feed.Title);
            // An empty feed still needs an updated date; the epoch keeps it stable until the first edition.
            xml.WriteElementString("updated", Atom, Date(feed.Updated ?? DateTimeOffset.UnixEpoch));
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, XmlSafe(feed.Author));
            xml.WriteEndElement();
            Link(xml, "self", "application/atom+xml", feed.AtomUrl);
            Link(xml, "alternate", "text/html", feed.IndexUrl);
            Link(xml, "alternate", "application/feed+json", feed.JsonFeedUrl);
            xml.WriteElementString("generator", Atom, "DigestBot");
            foreach (var entry in feed.Entries)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, entry.Id);
                Text(xml, "title", entry.Title);
                xml.WriteElementString("updated", Atom, Date(entry.Published));
                xml.WriteElementString("published", Atom, Date(entry.Published));
                Link(xml, "alternate", "text/html", entry.Url);
                Text(xml, "summary", entry.Summary);
                xml.WriteStartElement("content", Atom);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(XmlSafe(entry.ContentHtml));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void Text(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement(name, Atom);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(XmlSafe(value));
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>Feed text can carry characters XML 1.0 cannot hold at all; they are dropped rather than failing the feed.</summary>
    private static string XmlSafe(string value) =>
        value.All(XmlConvert.IsXmlChar) ? value : new string(value.Where(XmlConvert.IsXmlChar).ToArray());

    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
