using AngleSharp.Dom;
using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Render.Email;
using DigestBot.Tests.Support;
using static DigestBot.Tests.Deliver.Email.EmailTestKit;

namespace DigestBot.Tests.Render.Email;

/// <summary>Story pictures in the sent email: sized, described, only for stories that have one, never from a hostile URL.</summary>
public sealed class StoryImageEmailTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() => app = await StartAppAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task RenderForSendingAsync_storyWithDeclaredSize_imgScaledToThumbnailWithDescriptionAsAlt()
    {
        var (html, text) = await RenderAsync(WithImage(Item("space", "Booster lands on drone ship", "It landed.", "https://space.example.org/booster"),
            new ArticleImage("https://images.example.org/booster/600x400.jpg", 600, 400, "The booster on the deck of the drone ship")));

        var img = Assert.Single(html.QuerySelectorAll("img"));
        Assert.Equal("https://images.example.org/booster/600x400.jpg", img.GetAttribute("src"));
        Assert.Equal(("120", "80"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("The booster on the deck of the drone ship", img.GetAttribute("alt"));
        Assert.Contains("max-width: 120px", img.GetAttribute("style"), StringComparison.Ordinal);
        // The picture links to the story, so with images off its alt text is a working link too.
        Assert.Equal("https://space.example.org/booster", img.ParentElement!.GetAttribute("href"));
        Assert.DoesNotContain("images.example.org", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderForSendingAsync_storyWithoutDeclaredSize_fixedSizeAndHeadlineAsAlt()
    {
        var (html, _) = await RenderAsync(WithImage(Item("space", "Probe enters orbit", "It fired.", "https://space.example.org/probe"),
            new ArticleImage("https://images.example.org/probe.jpg")));

        var img = Assert.Single(html.QuerySelectorAll("img"));
        Assert.Equal(("120", "80", "Probe enters orbit"), (img.GetAttribute("width"), img.GetAttribute("height"), img.GetAttribute("alt")));
    }

    [Fact]
    public async Task RenderForSendingAsync_smallPictureAndPortrait_neverStretchedNorTall()
    {
        var (html, _) = await RenderAsync(
            WithImage(Item("space", "Small", "s", "https://space.example.org/small"), new ArticleImage("https://images.example.org/small.png", 64, 48)),
            WithImage(Item("space", "Tall", "t", "https://space.example.org/tall"), new ArticleImage("https://images.example.org/tall.png", 400, 1000)));

        var sizes = html.QuerySelectorAll("img").Select(i => $"{i.GetAttribute("width")}x{i.GetAttribute("height")}").ToList();
        Assert.Equal(["64x48", "64x160"], sizes);
    }

    [Fact]
    public async Task RenderForSendingAsync_onlySomeStoriesHavePictures_imgOnlyForThose()
    {
        var (html, _) = await RenderAsync(
            WithImage(Item("space", "Pictured", "p", "https://space.example.org/p"), new ArticleImage("https://images.example.org/p.jpg", 300, 200)),
            Item("space", "Text only", "t", "https://space.example.org/t"));

        var stories = html.QuerySelectorAll("td.story").ToList();
        Assert.Equal(2, stories.Count);
        Assert.Single(stories[0].QuerySelectorAll("img"));
        Assert.Empty(stories[1].QuerySelectorAll("img"));
    }

    [Theory]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", null)]
    [InlineData("/relative/picture.jpg", null)]
    [InlineData("//images.example.org/no-scheme.jpg", null)]
    [InlineData("ftp://images.example.org/a.jpg", null)]
    [InlineData("https://stats.example.org/pixel.gif", 1)]
    [InlineData("https://images.example.org/icon.png", 16)]
    public async Task RenderForSendingAsync_hostileOrTinyPicture_noImg(string url, int? side)
    {
        var (html, _) = await RenderAsync(
            WithImage(Item("space", "Story", "s", "https://space.example.org/s"), new ArticleImage(url, side, side)),
            WithImage(Item("space", "Other", "o", "https://space.example.org/o"), new ArticleImage("https://images.example.org/o.jpg", 300, 200)));

        var stories = html.QuerySelectorAll("td.story").ToList();
        Assert.Empty(stories[0].QuerySelectorAll("img"));
        Assert.Equal("https://space.example.org/s", stories[0].QuerySelector("a.story-title")!.GetAttribute("href"));
        Assert.Equal("https://images.example.org/o.jpg", Assert.Single(stories[1].QuerySelectorAll("img")).GetAttribute("src"));
    }

    [Fact]
    public async Task RenderForSendingAsync_descriptionWithMarkup_encodedInAlt()
    {
        var (html, _) = await RenderAsync(WithImage(Item("space", "Story", "s", "https://space.example.org/s"),
            new ArticleImage("https://images.example.org/a.jpg", 300, 200, "\"><script>alert(1)</script>")));

        var img = Assert.Single(html.QuerySelectorAll("img"));
        Assert.Equal("\"><script>alert(1)</script>", img.GetAttribute("alt"));
        Assert.Empty(html.QuerySelectorAll("script"));
    }

    private static DigestItem WithImage(DigestItem item, ArticleImage image) => item with { Article = item.Article with { Image = image } };

    private async Task<(IDocument Html, string Text)> RenderAsync(params DigestItem[] items)
    {
        var digest = Digest("daily@img", "Test Daily", new SectionDigest("space", "Space News", items, $"{items.Length} stories"));
        var reader = new Subscriber("reader@example.org", "Ada", [], [], SubscriberStatus.Active);
        var rendered = await app.Get<EmailRenderer>().RenderForSendingAsync(app.Get<EmailMessageFactory>().Model(digest, reader));
        return (new AngleSharp.Html.Parser.HtmlParser().ParseDocument(rendered.Html), rendered.Text);
    }
}
