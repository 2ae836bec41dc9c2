using System.Text;
using DigestBot.Fetch;
using DigestBot.Model;

namespace DigestBot.Tests.Fetch;

/// <summary>Story pictures in each form feeds give them, the size picked when there are several, and what is refused.</summary>
public sealed class FeedImageTests
{
    private const string MediaRss = "xmlns:media=\"http://search.yahoo.com/mrss/\"";

    [Fact]
    public void Parse_rssMediaThumbnailWithSize_keepsUrlAndSize()
    {
        var image = RssItemImage("""<media:thumbnail url="https://images.example.org/a/thumb.jpg" width="320" height="180"/>""");

        Assert.Equal(new ArticleImage("https://images.example.org/a/thumb.jpg", 320, 180), image);
    }

    [Fact]
    public void Parse_rssMediaGroupOfSizes_picksSmallestAtLeastPreferredWidthWithItsDescription()
    {
        var image = RssItemImage("""
            <media:group>
              <media:content url="https://images.example.org/a/1600.jpg" medium="image" width="1600" height="900"><media:description>Big</media:description></media:content>
              <media:content url="https://images.example.org/a/480.jpg" medium="image" width="480" height="270"><media:description type="html">Crew &lt;b&gt;boarding&lt;/b&gt; the capsule</media:description></media:content>
              <media:content url="https://images.example.org/a/160.jpg" medium="image" width="160" height="90"/>
            </media:group>
            """);

        Assert.Equal(new ArticleImage("https://images.example.org/a/480.jpg", 480, 270, "Crew boarding the capsule"), image);
    }

    [Fact]
    public void Parse_rssMediaContentByMimeType_isAnImageButVideoIsNot()
    {
        var image = RssItemImage("""
            <media:content url="https://video.example.org/a.mp4" type="video/mp4" width="1280" height="720"/>
            <media:content url="https://images.example.org/a/photo" type="image/webp" width="300" height="300"/>
            """);

        Assert.Equal(new ArticleImage("https://images.example.org/a/photo", 300, 300), image);
    }

    [Fact]
    public void Parse_trackingPixelBesideRealPicture_picksThePicture()
    {
        var image = RssItemImage("""
            <media:thumbnail url="https://stats.example.org/pixel.gif" width="1" height="1"/>
            <media:content url="https://images.example.org/a/photo.jpg" medium="image" width="200" height="150"/>
            """);

        Assert.Equal("https://images.example.org/a/photo.jpg", image?.Url);
    }

    [Theory]
    [InlineData("""<media:thumbnail url="https://stats.example.org/pixel.gif" width="1" height="1"/>""")]
    [InlineData("""<media:content url="https://images.example.org/icon.png" medium="image" width="16" height="16"/>""")]
    [InlineData("""<media:thumbnail url="javascript:alert(1)"/>""")]
    [InlineData("""<media:content url="data:image/png;base64,iVBORw0KGgo=" medium="image"/>""")]
    [InlineData("""<enclosure url="ftp://files.example.org/a.jpg" type="image/jpeg" length="10"/>""")]
    public void Parse_tinyOrHostilePictureFirst_skippedForTheRealOne(string media)
    {
        var image = RssItemImage(media + """<enclosure url="https://images.example.org/real.jpg" type="image/jpeg" length="10"/>""");

        Assert.Equal(new ArticleImage("https://images.example.org/real.jpg"), image);
    }

    [Theory]
    [InlineData("""<media:thumbnail url="https://stats.example.org/pixel.gif" width="1" height="1"/>""")]
    [InlineData("""<media:thumbnail url="javascript:alert(1)"/>""")]
    [InlineData("""<enclosure url="data:image/gif;base64,R0lGODlhAQABAAAAACw=" type="image/gif" length="10"/>""")]
    public void Parse_onlyTinyOrHostilePicture_noImage(string media) =>
        Assert.Null(RssItemImage(media));

    [Fact]
    public void Parse_rssImageEnclosureWithRelativeUrl_resolvedAgainstTheFeed()
    {
        var image = RssItemImage("""<enclosure url="/img/launch.png" type="image/png" length="52311"/>""");

        Assert.Equal(new ArticleImage("https://news.example.org/img/launch.png"), image);
    }

    [Fact]
    public void Parse_atomEnclosureLinksWithImageType_firstShowableIsTheImage()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><link href="https://atom.example.org/"/>
              <entry><id>1</id><title>One</title><link href="https://atom.example.org/1"/>
                <link rel="enclosure" type="audio/mpeg" href="https://atom.example.org/1.mp3"/>
                <link rel="enclosure" type="image/gif" href="javascript:alert(1)"/>
                <link rel="enclosure" type="image/jpeg" href="https://images.example.org/1.jpg" length="40000"/></entry>
            </feed>
            """);

        Assert.Equal(new ArticleImage("https://images.example.org/1.jpg"), Assert.Single(feed.Entries).Image);
    }

    [Fact]
    public void Parse_atomMediaGroupThumbnailOfAVideo_isTheImage()
    {
        var feed = Parse($"""
            <feed xmlns="http://www.w3.org/2005/Atom" {MediaRss}><title>V</title>
              <entry><id>v1</id><title>Launch replay</title><link href="https://video.example.org/v1"/>
                <media:group><media:title>Launch replay</media:title>
                  <media:content url="https://video.example.org/v1.swf" type="application/x-shockwave-flash" width="640" height="390"/>
                  <media:thumbnail url="https://images.example.org/v1/hq.jpg" width="480" height="360"/></media:group></entry>
            </feed>
            """);

        Assert.Equal(new ArticleImage("https://images.example.org/v1/hq.jpg", 480, 360), Assert.Single(feed.Entries).Image);
    }

    [Theory]
    [InlineData("\"image\":\"https://images.example.org/j/main.png\",\"banner_image\":\"https://images.example.org/j/banner.png\"", "https://images.example.org/j/main.png", null)]
    [InlineData("\"banner_image\":\"/j/banner.png\"", "https://json.example.org/j/banner.png", null)]
    [InlineData("\"attachments\":[{\"url\":\"https://json.example.org/a.mp3\",\"mime_type\":\"audio/mpeg\"},{\"url\":\"https://images.example.org/j/att.jpg\",\"mime_type\":\"image/jpeg\",\"title\":\"Dish at dawn\"}]",
        "https://images.example.org/j/att.jpg", "Dish at dawn")]
    [InlineData("\"image\":\"javascript:alert(1)\",\"banner_image\":\"https://images.example.org/j/safe.png\"", "https://images.example.org/j/safe.png", null)]
    public void Parse_jsonFeedImageFields_picked(string fields, string url, string? description)
    {
        var feed = Parse($$"""
            {"version":"https://jsonfeed.org/version/1.1","title":"J","home_page_url":"https://json.example.org/",
             "items":[{"id":"1","url":"https://json.example.org/1","title":"One",{{fields}}}]}
            """);

        Assert.Equal(new ArticleImage(url, null, null, description), Assert.Single(feed.Entries).Image);
    }

    [Fact]
    public void ToArticles_entryWithImage_articleCarriesIt()
    {
        var feed = Parse($"""
            <rss version="2.0" {MediaRss}><channel><title>M</title><link>https://news.example.org/</link>
              <item><title>T</title><link>https://news.example.org/t</link>
                <media:content url="https://images.example.org/t.jpg" medium="image" width="300" height="200"><media:description>Pad 39A at dusk</media:description></media:content></item>
            </channel></rss>
            """);

        var article = Assert.Single(ArticleMapper.ToArticles(feed, new FeedSource("m", new Uri("https://news.example.org/feed"), "space", null, 1.0), DateTimeOffset.UtcNow));

        Assert.Equal(new ArticleImage("https://images.example.org/t.jpg", 300, 200, "Pad 39A at dusk"), article.Image);
    }

    private static ArticleImage? RssItemImage(string media) =>
        Assert.Single(Parse($"""
            <rss version="2.0" {MediaRss}><channel><title>M</title><link>https://news.example.org/</link>
              <item><title>T</title><link>https://news.example.org/t</link>{media}</item>
            </channel></rss>
            """).Entries).Image;

    private static ParsedFeed Parse(string text) => new FeedParser().Parse(Encoding.UTF8.GetBytes(text));
}
