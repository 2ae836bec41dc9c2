using System.Diagnostics;
using System.Text;
using DigestBot.Fetch;

namespace DigestBot.Tests.Fetch;

public sealed class FeedParserTests
{
    private readonly FeedParser parser = new();

    [Fact]
    public void Parse_whitespaceBeforeDeclaration_recovered()
    {
        var feed = Parse("\r\n   <?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title></channel></rss>");

        Assert.Equal("T", feed.Title);
        Assert.True(feed.Recovered);
    }

    [Fact]
    public void Parse_htmlEntitiesBareAmpersandAndControlCharacters_recovered()
    {
        var feed = Parse("<rss version=\"2.0\"><channel><title>Tom&nbsp;&amp; Jerry &copy; R&D\u0001</title>" +
                         "<item><title>Caf&eacute;</title><link>http://x.example/?a=1&b=2</link></item></channel></rss>");

        Assert.True(feed.Recovered);
        Assert.Equal("Tom\u00a0& Jerry © R&D", feed.Title);
        Assert.Equal("Café", feed.Entries[0].Title);
        Assert.Equal("http://x.example/?a=1&b=2", feed.Entries[0].Link);
    }

    [Fact]
    public void Parse_wellFormedFeed_notMarkedRecovered()
    {
        var feed = Parse("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T &amp; U</title></channel></rss>");

        Assert.False(feed.Recovered);
        Assert.Equal("rss20", feed.Format);
    }

    [Fact]
    public void Parse_billionLaughs_clearErrorFast()
    {
        var entities = string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">"));
        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol0 \"lol\">{entities}]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>";
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<FeedFormatException>(() => Parse(xml));

        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Parse_externalEntity_neverReadsTheFile()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOP-SECRET");
        try
        {
            var xml = $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://{secret}\">]><rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>";

            var error = Assert.Throws<FeedFormatException>(() => Parse(xml));

            Assert.DoesNotContain("TOP-SECRET", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Parse_hostileNesting_clearErrorNotStackOverflow()
    {
        const int depth = 200_000;
        var xml = "<rss version=\"2.0\"><channel><item><title>t</title><description>" +
                  string.Concat(Enumerable.Repeat("<b>", depth)) + "deep" + string.Concat(Enumerable.Repeat("</b>", depth)) +
                  "</description></item></channel></rss>";

        var error = Assert.Throws<FeedFormatException>(() => Parse(xml));

        Assert.Contains("levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_deepButReasonableMarkup_flattenedBeyondLimit()
    {
        var xml = "<rss version=\"2.0\"><channel><item><title>t</title><description>" +
                  string.Concat(Enumerable.Repeat("<b>", 300)) + "deep" + string.Concat(Enumerable.Repeat("</b>", 300)) +
                  "</description></item></channel></rss>";

        var summary = Parse(xml).Entries[0].Summary;

        Assert.Equal(string.Concat(Enumerable.Repeat("<b>", 100)) + "deep" + string.Concat(Enumerable.Repeat("</b>", 100)), summary);
    }

    [Fact]
    public void Parse_htmlPage_clearError()
    {
        var error = Assert.Throws<FeedFormatException>(() => Parse("<!DOCTYPE html><html><head><title>Login</title></head></html>"));

        Assert.Contains("HTML page", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{not json")]
    [InlineData("<rss><channel><title>cut off")]
    [InlineData("<note><to>Tove</to></note>")]
    [InlineData("\0\0\0\0")]
    public void Parse_garbage_onlyFeedFormatException(string text) =>
        Assert.Throws<FeedFormatException>(() => Parse(text));

    [Fact]
    public void Parse_httpCharsetOverridesDeclaration_decodesWindows1251()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1251).GetBytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>Новости</title></channel></rss>");

        var feed = parser.Parse(bytes, null, "text/xml; charset=windows-1251");

        Assert.Equal("Новости", feed.Title);
    }

    [Fact]
    public void Parse_utf16WithBom_decodes()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"utf-16\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Ünïcode</title></feed>")).ToArray();

        Assert.Equal("Ünïcode", parser.Parse(bytes).Title);
    }

    [Fact]
    public void Parse_invalidUtf8_fallsBackToWindows1252()
    {
        var bytes = Encoding.ASCII.GetBytes("<rss version=\"2.0\"><channel><title>don?t</title></channel></rss>");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0x92;

        var feed = parser.Parse(bytes);

        Assert.Equal("don\u2019t", feed.Title);
        Assert.True(feed.Recovered);
    }

    [Fact]
    public void Parse_atomWithXmlBase_resolvesLinksAndContent()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/">
              <title type="html">A &lt;b&gt;blog&lt;/b&gt;</title><link href="/"/>
              <entry xml:base="posts/"><id>tag:blog,2026:1</id><title>One</title><link href="one.html"/>
                <updated>2026-11-24T10:00:00+01:00</updated>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p><a href="two.html">next</a></p></div></content>
              </entry>
            </feed>
            """);

        Assert.Equal("atom10", feed.Format);
        Assert.Equal("https://blog.example/", feed.Link);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("https://blog.example/posts/one.html", entry.Link);
        Assert.Equal("<p><a href=\"https://blog.example/posts/two.html\">next</a></p>", entry.ContentHtml);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), entry.Updated);
    }

    [Fact]
    public void Parse_jsonFeed11_itemsAuthorsAndImage()
    {
        var feed = Parse("""
            {"version":"https://jsonfeed.org/version/1.1","title":"J","home_page_url":"https://j.example/",
             "items":[{"id":"1","url":"/a","title":"A","content_html":"<p>x</p>","date_published":"2026-11-24T08:00:00Z",
                       "authors":[{"name":"Ann"}],"tags":["t1"],"image":"https://j.example/a.png"}]}
            """);

        Assert.Equal("json11", feed.Format);
        var item = Assert.Single(feed.Entries);
        Assert.Equal(("https://j.example/a", "Ann", "https://j.example/a.png"), (item.Link, item.Author, item.Image?.Url));
        Assert.Equal(["t1"], item.Categories);
    }

    [Fact]
    public void Parse_rss10WithModules_readsDublinCore()
    {
        var feed = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link></channel>
              <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link>
                <dc:creator>Bo</dc:creator><dc:date>2026-11-24T08:00:00Z</dc:date><dc:subject>space</dc:subject></item>
            </rdf:RDF>
            """);

        Assert.Equal("rss10", feed.Format);
        var item = Assert.Single(feed.Entries);
        Assert.Equal(("https://r.example/1", "Bo", "space"), (item.Id, item.Author, item.Categories[0]));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), item.Published);
    }

    [Fact]
    public void Parse_mediaThumbnail_becomesImage()
    {
        var feed = Parse("""
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>M</title>
              <item><title>P</title><link>https://m.example/p</link><media:thumbnail url="https://m.example/p.jpg" width="120"/>
                <enclosure url="https://m.example/p.mp3" type="audio/mpeg" length="1"/></item>
            </channel></rss>
            """);

        Assert.Equal("https://m.example/p.jpg", feed.Entries[0].Image?.Url);
        Assert.Equal("audio/mpeg", feed.Entries[0].Enclosures[0].Type);
    }

    private ParsedFeed Parse(string text) => parser.Parse(Encoding.UTF8.GetBytes(text));
}
