using System.Net;
using System.Text.RegularExpressions;
using DigestBot.Hosting;
using DigestBot.Model;
using DigestBot.Store;
using DigestBot.Tests.Deliver.Email;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Web;

/// <summary>The subscription flow over HTTP against the real worker (Kestrel on 127.0.0.1, port 0) and smtp-sink.</summary>
public sealed class SubscriptionEndpointsTests : IAsyncLifetime
{
    private SmtpSink sink = null!;
    private TestApp app = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        sink = await SmtpSink.StartAsync();
        app = TestApp.Create(c =>
        {
            c["Sections"]!["energy"] = new System.Text.Json.Nodes.JsonObject { ["Title"] = "Energy News", ["TopN"] = 3 };
            c["Digests"]!["daily"]!["Sections"] = new System.Text.Json.Nodes.JsonArray("space", "energy");
            c["Smtp"]!["Port"] = sink.Port;
        });
        await app.StartAsync(HostMode.Worker);
        http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        http?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (sink is not null)
        {
            await sink.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Subscribe_doubleOptIn_activeOnlyAfterConfirmPost()
    {
        var page = await http.GetStringAsync("/subscribe");
        Assert.Contains("name=\"section\" value=\"energy\"", page, StringComparison.Ordinal);

        var posted = await http.PostAsync("/subscribe", Form(("email", "New.Reader@example.org"), ("name", "New"), ("section", "space")));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var store = app.Get<SubscriberStore>();
        Assert.Equal(SubscriberStatus.Pending, (await store.FindAsync("new.reader@example.org"))!.Status);
        var confirmation = Assert.Single(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal(["new.reader@example.org"], confirmation.Recipients);
        var link = Local(LinkIn(confirmation.Message.TextBody ?? "", "confirm"));
        Assert.Contains(link.Replace("&", "&amp;", StringComparison.Ordinal), confirmation.Message.HtmlBody, StringComparison.Ordinal);

        var confirmPage = await http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirmPage.StatusCode);
        Assert.Contains("<form method=\"post\"", await confirmPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Pending, (await store.FindAsync("new.reader@example.org"))!.Status);

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(link, Form())).StatusCode);
        var subscriber = await store.FindAsync("new.reader@example.org");
        Assert.Equal(SubscriberStatus.Active, subscriber!.Status);
        Assert.Equal(["space"], subscriber.Sections);
    }

    [SkippableFact]
    public async Task Subscribe_invalidAddress_rejectedAndNothingSent()
    {
        var posted = await http.PostAsync("/subscribe", Form(("email", "victim@example.org\r\nBcc: spam@evil.test")));

        // The confirmation email is sent before the answer to the POST, so with the answer in hand and no pending
        // subscriber recorded, nothing was sent and nothing is on its way.
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Null(await app.Get<SubscriberStore>().FindAsync("victim@example.org"));
        Assert.Empty(sink.Messages());
    }

    [SkippableFact]
    public async Task Unsubscribe_fromEmailHeader_getShowsButtonOneClickPostUnsubscribes()
    {
        await EmailTestKit.AddActiveAsync(app, "leaving@example.org", "Leaving");
        var smtp = EmailTestKit.Smtp(sink.Port);
        await EmailTestKit.Delivery(app, smtp).DeliverAsync(EmailTestKit.Digest("daily@web"));
        var email = Assert.Single(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10))).Message;
        var header = email.Headers["List-Unsubscribe"]!;
        var link = Local(header[1..header.IndexOf('>', StringComparison.Ordinal)]);
        var store = app.Get<SubscriberStore>();

        var confirm = await http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("<button type=\"submit\">Unsubscribe</button>", await confirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", confirm.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(SubscriberStatus.Active, (await store.FindAsync("leaving@example.org"))!.Status);

        var oneClick = await http.PostAsync(link, new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await store.FindAsync("leaving@example.org"))!.Status);
    }

    [SkippableFact]
    public async Task Unsubscribe_tamperedOrOtherAddressToken_forbiddenAndNothingChanges()
    {
        await EmailTestKit.AddActiveAsync(app, "victim@example.org");
        await EmailTestKit.AddActiveAsync(app, "attacker@example.org");
        var own = new Uri(app.Get<DigestBot.Deliver.Email.EmailMessageFactory>().UnsubscribeUrl("attacker@example.org"));
        var token = System.Web.HttpUtility.ParseQueryString(own.Query)["token"]!;
        var tampered = token[..^2] + (token[^2] == 'x' ? "yy" : "xx");

        var forOther = await http.PostAsync($"/unsubscribe?email=victim%40example.org&token={token}", Form());
        var changed = await http.PostAsync($"/unsubscribe?email=attacker%40example.org&token={tampered}", Form());
        var missing = await http.PostAsync("/unsubscribe?email=victim%40example.org", Form());
        var wrongPurpose = await http.GetAsync($"/preferences?email=attacker%40example.org&token={token}");

        Assert.All(new[] { forOther, changed, missing, wrongPurpose }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(SubscriberStatus.Active, (await app.Get<SubscriberStore>().FindAsync("victim@example.org"))!.Status);
        Assert.Equal(SubscriberStatus.Active, (await app.Get<SubscriberStore>().FindAsync("attacker@example.org"))!.Status);
    }

    [SkippableFact]
    public async Task Preferences_choosingSections_changesWhatIsSent()
    {
        await EmailTestKit.AddActiveAsync(app, "chooser@example.org");
        var link = Local(app.Get<DigestBot.Deliver.Email.EmailMessageFactory>().PreferencesUrl("chooser@example.org"));

        var page = await http.GetStringAsync(link);
        Assert.Contains("value=\"energy\" checked", page, StringComparison.Ordinal);
        var saved = await http.PostAsync(link, Form(("section", "energy")));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(["energy"], (await app.Get<SubscriberStore>().FindAsync("chooser@example.org"))!.Sections);
        await EmailTestKit.Delivery(app, EmailTestKit.Smtp(sink.Port)).DeliverAsync(EmailTestKit.Digest("daily@prefs"));
        var email = Assert.Single(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10))).Message;
        Assert.Contains("Wind farm opens", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Booster lands", email.HtmlBody, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Health_returnsHealthy()
    {
        Assert.Equal("Healthy", await http.GetStringAsync("/health"));
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>Links in emails use Web:BaseUrl; the test reaches the same path and query on the bound address.</summary>
    private static string Local(string link) => new Uri(link).PathAndQuery;

    private static string LinkIn(string text, string path) =>
        Regex.Match(text, $@"http://digestbot\.test/{path}\?\S+").Value is { Length: > 0 } found ? found : throw new Xunit.Sdk.XunitException($"No {path} link in:\n{text}");
}
