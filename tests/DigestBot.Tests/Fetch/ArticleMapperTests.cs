using System.Text;
using DigestBot.Fetch;

namespace DigestBot.Tests.Fetch;

public sealed class ArticleMapperTests
{
    private static readonly DateTimeOffset FetchedAt = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly FeedSource Source = new("wire", new Uri("https://wire.example/feed.xml"), "space", null, 1.0);

    [Fact]
    public void ToArticles_contentWithScriptAndRelativeLinks_sanitizedAndResolved()
    {
        var article = Map("""<item><title>T</title><link>/story?utm_source=x&amp;page=2</link><description><![CDATA[<p onclick="evil()">Hi <script>alert(1)</script><a href="more">more</a></p>]]></description></item>""");

        Assert.Equal("https://wire.example/story?page=2", article.Link);
        Assert.DoesNotContain("script", article.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", article.Summary, StringComparison.Ordinal);
        Assert.Contains("href=\"https://wire.example/more\"", article.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ToArticles_htmlTitle_plainText()
    {
        var xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><link href=\"https://a.example/\"/><entry><id>1</id><title type=\"html\">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; brave</title><link href=\"https://a.example/1\"/></entry></feed>";
        var feed = new FeedParser().Parse(Encoding.UTF8.GetBytes(xml));

        var article = Assert.Single(ArticleMapper.ToArticles(feed, Source, FetchedAt));

        Assert.Equal("Bold & brave", article.Title);
    }

    [Fact]
    public void ToArticles_noDate_usesFetchTimeInUtc()
    {
        var article = Map("<item><title>T</title><link>https://wire.example/a</link></item>");

        Assert.Equal(FetchedAt, article.Published);
    }

    [Fact]
    public void ToArticles_sameGuidRedated_sameId()
    {
        var first = Map("<item><title>T</title><link>https://wire.example/a</link><guid>g1</guid><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate></item>");
        var again = Map("<item><title>T (updated)</title><link>https://wire.example/a?utm_medium=rss</link><guid>g1</guid><pubDate>Wed, 25 Nov 2026 08:00:00 GMT</pubDate></item>");

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Link, again.Link);
    }

    [Fact]
    public void ToArticles_entryWithoutLink_skipped()
    {
        var feed = new FeedParser().Parse(Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><item><title>No link</title></item></channel></rss>"));

        Assert.Empty(ArticleMapper.ToArticles(feed, Source, FetchedAt));
    }

    private static DigestBot.Model.Article Map(string item)
    {
        var feed = new FeedParser().Parse(Encoding.UTF8.GetBytes($"<rss version=\"2.0\"><channel><title>Wire</title>{item}</channel></rss>"));
        return Assert.Single(ArticleMapper.ToArticles(feed, Source, FetchedAt));
    }
}
