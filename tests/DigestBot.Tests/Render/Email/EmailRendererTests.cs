using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Render.Email;
using DigestBot.Tests.Support;
using static DigestBot.Tests.Deliver.Email.EmailTestKit;

namespace DigestBot.Tests.Render.Email;

public sealed class EmailRendererTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() => app = await StartAppAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("<script>alert(1)</script>Launch", "Fine summary", "https://x.example.org/a")]
    [InlineData("Launch", "<img src=x onerror=alert(1)><script src=//evil.test/x.js></script>", "https://x.example.org/a")]
    [InlineData("</a><script>alert(1)</script>", "<svg onload=alert(1)>", "javascript:alert(document.cookie)")]
    [InlineData("Launch", "</p></td></tr></table><iframe src=https://evil.test></iframe>", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("\"><body onload=alert(1)>", "x' onmouseover='alert(1)", "https://x.example.org/\"onmouseover=\"alert(1)")]
    public async Task RenderForSendingAsync_hostileArticle_noScriptReachesTheEmail(string title, string summary, string link)
    {
        var digest = Digest("daily@h", "Daily <script>alert('title')</script>", Space(title, summary, link));
        var subscriber = new Subscriber("reader@example.org", "<script>alert('name')</script>", [], [], SubscriberStatus.Active);
        var messages = app.Get<EmailMessageFactory>();

        var rendered = await app.Get<EmailRenderer>().RenderForSendingAsync(messages.Model(digest, subscriber));

        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(rendered.Html);
        Assert.Empty(html.QuerySelectorAll("script, iframe, svg, object, embed"));
        Assert.DoesNotContain(html.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.All(html.QuerySelectorAll("a[href]"), a => Assert.Matches("^(https?://|mailto:|#$)", a.GetAttribute("href")!));
        Assert.DoesNotContain("<script", rendered.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", rendered.Html, StringComparison.OrdinalIgnoreCase);
        // The hostile text is still shown, as text.
        Assert.Contains("alert", html.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderForSendingAsync_digest_keepsLayoutInlinesCssAndOffersDarkMode()
    {
        var subscriber = new Subscriber("reader@example.org", "Ada", [], [], SubscriberStatus.Active, "Europe/Paris");
        var model = app.Get<EmailMessageFactory>().Model(Digest("daily@l"), subscriber);

        var rendered = await app.Get<EmailRenderer>().RenderForSendingAsync(model);

        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(rendered.Html);
        Assert.Equal("600", html.QuerySelector("table.container")!.GetAttribute("width"));
        Assert.Contains("max-width: 600px", html.QuerySelector("table.container")!.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("Booster lands on drone ship", html.QuerySelector(".preheader")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://space.example.org/booster", html.QuerySelector("a.story-title")!.GetAttribute("href"));
        Assert.Contains("prefers-color-scheme: dark", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("max-width: 620px", rendered.Html, StringComparison.Ordinal);
        // 05:00 UTC is 06:00 in Paris in November.
        Assert.Contains("25 Nov, 06:00 UTC+01:00", html.QuerySelector(".story-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("* Booster lands on drone ship", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("Hello Ada", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Personalize_nameWithMarkup_isEncodedInHtmlAndPlainInText()
    {
        var variant = new RenderedEmail("s", $"<p>Hello {Personalization.Name}</p><a href=\"{Personalization.UnsubscribeUrl}\">u</a>",
            $"Hello {Personalization.Name} {Personalization.UnsubscribeUrl}");
        var messages = app.Get<EmailMessageFactory>();

        var personal = messages.Personalize(variant, new Subscriber("a@example.org", "<b>Bo & Co</b>", [], [], SubscriberStatus.Active));

        Assert.StartsWith("<p>Hello &lt;b&gt;Bo &amp; Co&lt;/b&gt;</p><a href=\"http://digestbot.test/unsubscribe?email=a%40example.org&amp;token=", personal.Html, StringComparison.Ordinal);
        Assert.StartsWith("Hello <b>Bo & Co</b> http://digestbot.test/unsubscribe?email=a%40example.org&token=", personal.Text, StringComparison.Ordinal);
    }
}
