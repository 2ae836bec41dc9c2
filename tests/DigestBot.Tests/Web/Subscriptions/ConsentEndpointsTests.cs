using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DigestBot.Deliver.Email;
using DigestBot.Hosting;
using DigestBot.Model;
using DigestBot.Store;
using DigestBot.Tests.Deliver.Email;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Web.Subscriptions;

/// <summary>
/// Consent over HTTP against the real worker and smtp-sink: a reader who left comes back only through their own
/// confirmation link, and the forms refuse ids the configuration does not have.
/// </summary>
public sealed class ConsentEndpointsTests : IAsyncLifetime
{
    private SmtpSink sink = null!;
    private TestApp app = null!;
    private HttpClient http = null!;

    private SubscriberStore Store => app.Get<SubscriberStore>();

    public async Task InitializeAsync()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        sink = await SmtpSink.StartAsync();
        app = TestApp.Create(c =>
        {
            c["Sections"]!["energy"] = new JsonObject { ["Title"] = "Energy News", ["TopN"] = 3 };
            c["Digests"]!["daily"]!["Sections"] = new JsonArray("space", "energy");
            c["Digests"]!["weekly"] = new JsonObject
            {
                ["Title"] = "Test Weekly", ["Cron"] = "0 0 8 ? * MON", ["TimeZone"] = "Europe/London",
                ["Sections"] = new JsonArray("space"), ["Email"] = true, ["Discord"] = new JsonArray(),
            };
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
    public async Task Subscribe_afterUnsubscribing_staysUnsubscribedUntilTheReaderConfirms()
    {
        await EmailTestKit.AddActiveAsync(app, "back@example.org");
        await Store.SetStatusAsync("back@example.org", SubscriberStatus.Unsubscribed);

        var posted = await http.PostAsync("/subscribe", Form(("email", "back@example.org"), ("section", "energy")));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var link = await ConfirmLinkAsync("back@example.org");
        Assert.Equal(SubscriberStatus.Unsubscribed, (await Store.FindAsync("back@example.org"))!.Status);

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(link, Form())).StatusCode);
        var subscriber = await Store.FindAsync("back@example.org");
        Assert.Equal(SubscriberStatus.Active, subscriber!.Status);
        Assert.Equal(["energy"], subscriber.Sections);
    }

    [SkippableFact]
    public async Task Subscribe_afterRemoval_confirmLinkReactivatesAndLiftsTheSuppression()
    {
        await EmailTestKit.AddActiveAsync(app, "again@example.org");
        await Store.RemoveAsync("again@example.org");

        await http.PostAsync("/subscribe", Form(("email", "again@example.org")));
        var link = await ConfirmLinkAsync("again@example.org");
        Assert.Equal(SubscriberStatus.Pending, (await Store.FindAsync("again@example.org"))!.Status);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(link, Form())).StatusCode);

        Assert.Equal(SubscriberStatus.Active, (await Store.FindAsync("again@example.org"))!.Status);
        Assert.Equal(0, await app.Get<SuppressionStore>().CountAsync());
    }

    [SkippableFact]
    public async Task Preferences_unknownSectionOrDigest_400NamingItAndNothingChanges()
    {
        await EmailTestKit.AddActiveAsync(app, "chooser@example.org");
        var link = new Uri(app.Get<EmailMessageFactory>().PreferencesUrl("chooser@example.org")).PathAndQuery;
        Assert.Contains("name=\"digest\" value=\"weekly\" checked", await http.GetStringAsync(link), StringComparison.Ordinal);

        var section = await http.PostAsync(link, Form(("section", "space"), ("section", "sport")));
        var digest = await http.PostAsync(link, Form(("section", "space"), ("digest", "monthly")));
        var notAForm = await http.PostAsync(link, new StringContent("{\"section\":\"space\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, section.StatusCode);
        Assert.Contains("'sport' is not a section id. Valid sections: energy, space.", await section.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, digest.StatusCode);
        Assert.Contains("'monthly' is not a digest id. Valid digests: daily, weekly.", await digest.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notAForm.StatusCode);
        var unchanged = await Store.FindAsync("chooser@example.org");
        Assert.Empty(unchanged!.Sections);
        Assert.Empty(unchanged.Digests);
    }

    [SkippableFact]
    public async Task Preferences_oneDigestOfTwo_storesThatDigest()
    {
        await EmailTestKit.AddActiveAsync(app, "weekly@example.org");
        var link = new Uri(app.Get<EmailMessageFactory>().PreferencesUrl("weekly@example.org")).PathAndQuery;

        var saved = await http.PostAsync(link, Form(("section", "space"), ("section", "energy"), ("digest", "Weekly")));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var subscriber = await Store.FindAsync("weekly@example.org");
        Assert.Empty(subscriber!.Sections);
        Assert.Equal(["weekly"], subscriber.Digests);
    }

    private async Task<string> ConfirmLinkAsync(string email)
    {
        var confirmation = Assert.Single(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal([email], confirmation.Recipients);
        var text = confirmation.Message.TextBody ?? "";
        var link = Regex.Match(text, @"http://digestbot\.test/confirm\?\S+").Value;
        Assert.False(link.Length == 0, $"No confirm link in:\n{text}");
        return new Uri(link).PathAndQuery;
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}
