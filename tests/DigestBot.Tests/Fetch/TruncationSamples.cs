using System.Text;

namespace DigestBot.Tests.Fetch;

/// <summary>
/// One small feed per format, each with the constructs a cut can land in: comments and CDATA holding "&lt;/item&gt;",
/// '&gt;' inside attribute values, self-closing elements, a DOCTYPE, HTML entities, characters of 2 to 4 UTF-8 bytes.
/// </summary>
public static class TruncationSamples
{
    public static TruncationSample Rss20 { get; } = new("rss20", $"""
        <?xml version="1.0" encoding="utf-8"?>
        <!-- a comment that mentions </item> -->
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Orbital Ledger</title>
            <link>https://ledger.example.org/</link>
            <item>
              <title>Café launch &amp; landing</title>
              <link>https://ledger.example.org/a?x=1&amp;y=2</link>
              <guid isPermaLink="false">a-1</guid>
              <description><![CDATA[<p>Fuel <b>loaded</b> </item> in text</p>]]></description>
              <enclosure url="https://ledger.example.org/a.jpg" type="image/jpeg" length="10"/>
              <category domain="x>y">Space</category>
            </item>{TruncationSample.Marker}
            <item>
              <title>Второй запуск</title>
              <link>https://ledger.example.org/b</link>
              <dc:creator>Ana</dc:creator>
              <content:encoded>&lt;p&gt;Escaped &lt;/item&gt; markup&lt;/p&gt;</content:encoded>
            </item>{TruncationSample.Marker}
            <item><title>Third: 🚀 ships</title><link>https://ledger.example.org/c</link></item>{TruncationSample.Marker}
          </channel>
        </rss>
        """, Encoding.UTF8,
        ("Café launch & landing", "https://ledger.example.org/a?x=1&y=2"),
        ("Второй запуск", "https://ledger.example.org/b"),
        ("Third: 🚀 ships", "https://ledger.example.org/c"));

    public static TruncationSample Rss091 { get; } = new("rss091", $"""
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
        <rss version="0.91">
        <channel>
        <title>Old Desk</title>
        <link>http://old.example.org/</link>
        <description>Fish&nbsp;&amp;&nbsp;chips</description>
        <item><title>Première</title><link>http://old.example.org/1</link><description>Caf&eacute; news</description></item>{TruncationSample.Marker}
        <item><title>Second &gt; first</title><link>http://old.example.org/2</link></item>{TruncationSample.Marker}
        </channel>
        </rss>
        """, Encoding.Latin1,
        ("Première", "http://old.example.org/1"),
        ("Second > first", "http://old.example.org/2"));

    public static TruncationSample Rdf { get; } = new("rdf", $"""
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://rdf.example.org/">
            <title>RDF Wire</title>
            <link>https://rdf.example.org/</link>
            <items><rdf:Seq><rdf:li rdf:resource="https://rdf.example.org/1"/><rdf:li rdf:resource="https://rdf.example.org/2"/></rdf:Seq></items>
          </channel>
          <item rdf:about="https://rdf.example.org/1">
            <title>First RDF item</title>
            <link>https://rdf.example.org/1</link>
            <dc:date>2025-11-20T10:00:00Z</dc:date>
          </item>{TruncationSample.Marker}
          <item rdf:about="https://rdf.example.org/2">
            <title>Zweite Meldung über Raketen</title>
            <link>https://rdf.example.org/2</link>
          </item>{TruncationSample.Marker}
          <textinput rdf:about="https://rdf.example.org/search"><title>Search</title><link>https://rdf.example.org/search</link></textinput>
        </rdf:RDF>
        """, Encoding.UTF8,
        ("First RDF item", "https://rdf.example.org/1"),
        ("Zweite Meldung über Raketen", "https://rdf.example.org/2"));

    public static TruncationSample Atom { get; } = new("atom", $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
          <title>Atom Desk</title>
          <link href="https://atom.example.org/"/>
          <id>urn:atom-desk</id>
          <updated>2025-11-20T10:00:00Z</updated>
          <entry>
            <title>Nested markup</title>
            <link rel="alternate" href="https://atom.example.org/1"/>
            <id>urn:1</id>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>An <em>entry</em> about <a href="x?a=1&amp;b=>">links</a></p></div></content>
          </entry>{TruncationSample.Marker}
          <entry>
            <title type="text">Fish &amp; chips</title>
            <link href="https://atom.example.org/2"/>
            <id>urn:2</id>
            <author><name>Łukasz</name></author>
            <summary type="html"><![CDATA[<b>bold</b> </entry> in CDATA]]></summary>
          </entry>{TruncationSample.Marker}
          <entry><title>Third 🛰</title><link href="https://atom.example.org/3"/><id>urn:3</id></entry>{TruncationSample.Marker}
        </feed>
        """, Encoding.UTF8,
        ("Nested markup", "https://atom.example.org/1"),
        ("Fish & chips", "https://atom.example.org/2"),
        ("Third 🛰", "https://atom.example.org/3"));

    public static TruncationSample JsonFeed { get; } = new("json", $$"""
        {
          "version": "https://jsonfeed.org/version/1.1",
          "title": "JSON Desk",
          "home_page_url": "https://json.example.org/",
          "items": [
            { "id": "1", "title": "First {json} item with \"quotes\" and ]brackets[", "url": "https://json.example.org/1", "tags": ["a", "b"], "content_text": "x" }{{TruncationSample.Marker}},
            { "id": 2, "title": "Zweite Meldung über 🚀", "url": "https://json.example.org/2", "authors": [{ "name": "Ana" }], "_ext": { "n": 12.5e3, "ok": true, "none": null } }{{TruncationSample.Marker}},
            { "id": "3", "title": "Third", "url": "https://json.example.org/3" }{{TruncationSample.Marker}}
          ],
          "description": "after the items"
        }
        """, Encoding.UTF8,
        ("First {json} item with \"quotes\" and ]brackets[", "https://json.example.org/1"),
        ("Zweite Meldung über 🚀", "https://json.example.org/2"),
        ("Third", "https://json.example.org/3"));

    public static TheoryData<string> Names => ["rss20", "rss091", "rdf", "atom", "json"];

    public static TruncationSample Named(string name) => name switch
    {
        "rss20" => Rss20,
        "rss091" => Rss091,
        "rdf" => Rdf,
        "atom" => Atom,
        "json" => JsonFeed,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
