using System.Net;
using System.Text.Json.Nodes;
using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Store;
using DigestBot.Tests.Support;
using DigestBot.Tests.Web.Status;

namespace DigestBot.Tests.Web.Subscriptions;

/// <summary>
/// The subscription pages as the templates under templates/pages render them on the real worker: every page in the shared
/// layout, hostile titles, ids and addresses encoded, the private-page headers kept. No page here sends email.
/// </summary>
public sealed class SubscriptionPageTemplateTests : IAsyncLifetime
{
    // Valid as an address (MimeKit and the form accept it), with a quote and an ampersand to encode.
    private const string QuotedAddress = "o'brien&co@example.org";
    private const string EncodedAddress = "o&#x27;brien&amp;co@example.org";

    private TestApp app = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        app = TestApp.Create(c =>
        {
            c["Sections"]!["space"]!["Title"] = "Space " + PageAssert.Hostile;
            TwoDigestCatalog.Apply(c, "Weekly " + PageAssert.Hostile);
        });
        await WorkerHost.StartAsync(app);
        http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = WorkerHost.BaseAddress(app) };
    }

    public async Task DisposeAsync()
    {
        http?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task SubscribePage_hostileSectionTitleAndUnknownSection_encodedInTheLayout()
    {
        using var form = await http.GetAsync("subscribe");
        using var badAddress = await http.PostAsync("subscribe", Form(("email", "not an address"), ("section", "space")));
        using var unknown = await http.PostAsync("subscribe", Form(("email", "new@example.org"), ("section", PageAssert.Hostile)));

        var page = await AssertPageAsync(form, HttpStatusCode.OK, "Subscribe");
        PageAssert.Encodes(page, $"value=\"space\" checked=\"checked\"> Space {PageAssert.Encoded}</label>");
        Assert.Contains("<form method=\"post\" action=\"/subscribe\">", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"email\" name=\"email\" required maxlength=\"254\">", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"text\" name=\"name\" maxlength=\"100\">", page, StringComparison.Ordinal);
        var refused = await AssertPageAsync(badAddress, HttpStatusCode.BadRequest, "Subscribe");
        Assert.Contains("<p>Please enter a valid email address.</p>\n<form method=\"post\" action=\"/subscribe\">", refused, StringComparison.Ordinal);
        var named = await AssertPageAsync(unknown, HttpStatusCode.BadRequest, "Unknown section");
        PageAssert.Encodes(named, $"<p>'{PageAssert.Encoded}' is not a section id. Valid sections: energy, space.</p>");
        Assert.Null(await app.Get<SubscriberStore>().FindAsync("new@example.org"));
    }

    [Fact]
    public async Task ConfirmPage_addressWithQuoteAndAmpersand_encodedInTheLayout()
    {
        await app.Get<SubscriberStore>().RequestOptInAsync(new Subscriber(QuotedAddress, PageAssert.Hostile, [], [], SubscriberStatus.Pending));
        var link = Local(app.Get<LinkSigner>().Link("confirm", LinkSigner.Confirm, QuotedAddress));

        using var ask = await http.GetAsync(link);
        using var done = await http.PostAsync(link, Form());

        var form = await AssertPageAsync(ask, HttpStatusCode.OK, "Confirm your subscription");
        Assert.Contains($"<form method=\"post\" action=\"/{link.Replace("&", "&amp;", StringComparison.Ordinal)}\">", form, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Confirm my subscription</button>", form, StringComparison.Ordinal);
        var confirmed = await AssertPageAsync(done, HttpStatusCode.OK, "You are subscribed");
        Assert.Contains($"<p>Digests will be sent to <strong>{EncodedAddress}</strong>.</p>", confirmed, StringComparison.Ordinal);
        var preferences = app.Get<LinkSigner>().Link("preferences", LinkSigner.Preferences, QuotedAddress);
        Assert.Contains($"<a href=\"{preferences.Replace("&", "&amp;", StringComparison.Ordinal)}\">Choose your sections</a>", confirmed, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", confirmed, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Active, (await app.Get<SubscriberStore>().FindAsync(QuotedAddress))!.Status);
    }

    [Fact]
    public async Task PreferencesPage_hostileTitlesAndUnknownDigest_encodedInTheLayout()
    {
        await app.Get<SubscriberStore>().UpsertAsync(new Subscriber(QuotedAddress, PageAssert.Hostile, [], [], SubscriberStatus.Active));
        var link = Local(app.Get<LinkSigner>().Link("preferences", LinkSigner.Preferences, QuotedAddress));

        using var form = await http.GetAsync(link);
        using var unknown = await http.PostAsync(link, Form(("section", "space"), ("digest", PageAssert.Hostile)));
        using var saved = await http.PostAsync(link, Form(("section", "energy"), ("digest", "daily")));

        var page = await AssertPageAsync(form, HttpStatusCode.OK, "Your preferences");
        Assert.Contains($"<p>Sections sent to <strong>{EncodedAddress}</strong>:</p>", page, StringComparison.Ordinal);
        PageAssert.Encodes(page, $"<input type=\"checkbox\" name=\"section\" value=\"space\" checked=\"checked\"> Space {PageAssert.Encoded}</label>");
        PageAssert.Encodes(page, $"<input type=\"checkbox\" name=\"digest\" value=\"weekly\" checked=\"checked\"> Weekly {PageAssert.Encoded} <span class=\"muted\">(every Monday at 08:00, Europe/London time)</span></label>");
        var unsubscribe = app.Get<LinkSigner>().Link("unsubscribe", LinkSigner.Unsubscribe, QuotedAddress);
        Assert.Contains($"<a href=\"{unsubscribe.Replace("&", "&amp;", StringComparison.Ordinal)}\">Unsubscribe from everything</a>", page, StringComparison.Ordinal);
        var named = await AssertPageAsync(unknown, HttpStatusCode.BadRequest, "Unknown digest");
        PageAssert.Encodes(named, $"<p>'{PageAssert.Encoded}' is not a digest id. Valid digests: daily, weekly.</p>");
        var done = await AssertPageAsync(saved, HttpStatusCode.OK, "Preferences saved");
        Assert.Contains($"<p>From the next digest, <strong>{EncodedAddress}</strong> receives: energy.</p>", done, StringComparison.Ordinal);
        var subscriber = await app.Get<SubscriberStore>().FindAsync(QuotedAddress);
        Assert.Equal(["energy"], subscriber!.Sections);
        Assert.Equal(["daily"], subscriber.Digests);
    }

    [Fact]
    public async Task UnsubscribePage_hostileSignedAddress_encodedInTheLayout()
    {
        var hostile = PageAssert.Hostile.ToLowerInvariant() + "@example.org";
        var link = Local(app.Get<LinkSigner>().Link("unsubscribe", LinkSigner.Unsubscribe, hostile));

        using var ask = await http.GetAsync(link);
        using var done = await http.PostAsync(link, Form());

        var page = await AssertPageAsync(ask, HttpStatusCode.OK, "Unsubscribe");
        PageAssert.Encodes(page, $"<p>Stop sending digests to <strong>{PageAssert.Encoded}@example.org</strong>?</p>");
        Assert.Contains("<button type=\"submit\">Unsubscribe</button>", page, StringComparison.Ordinal);
        var unsubscribed = await AssertPageAsync(done, HttpStatusCode.OK, "You are unsubscribed");
        PageAssert.Encodes(unsubscribed, $"<p>No more digests will be sent to <strong>{PageAssert.Encoded}@example.org</strong>.</p>");
    }

    [Fact]
    public async Task MessagePages_invalidLinkNotAFormAndArchive404_renderedThroughTheLayout()
    {
        using var invalid = await http.GetAsync("unsubscribe?email=victim%40example.org&token=forged");
        using var notAForm = await http.PostAsync("subscribe", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var missing = await http.GetAsync("archive/daily/2001-01-01");

        Assert.Contains("<p>The link is incomplete or was changed. Please use the link from your most recent email.</p>",
            await AssertPageAsync(invalid, HttpStatusCode.Forbidden, "This link is not valid"), StringComparison.Ordinal);
        Assert.Contains("<p>Please submit the form on this page.</p>", await AssertPageAsync(notAForm, HttpStatusCode.BadRequest, "Not a form"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var notFound = await missing.Content.ReadAsStringAsync();
        PageAssert.InLayout(notFound, "Not found");
        Assert.Contains("<p>There is no such edition in the archive.</p>", notFound, StringComparison.Ordinal);
    }

    /// <summary>The status, the headers every subscription page carries, the layout; returns the HTML.</summary>
    private static async Task<string> AssertPageAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} instead of {(int)status}:\n{html}");
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("noindex", Assert.Single(response.Headers.GetValues("X-Robots-Tag")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal($"default-src 'none'; style-src 'unsafe-inline'; script-src {DigestBot.Web.Subscriptions.PreferenceScript.CspSource}; form-action 'self'; frame-ancestors 'none'",
            Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        PageAssert.InLayout(html, title);
        return html;
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>Links use Web:BaseUrl; the test reaches the same path and query on the bound address.</summary>
    private static string Local(string link) => new Uri(link).PathAndQuery.TrimStart('/');
}
