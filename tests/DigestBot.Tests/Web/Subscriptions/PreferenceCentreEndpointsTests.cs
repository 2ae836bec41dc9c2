using System.Net;
using System.Text.Json.Nodes;
using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Store;
using DigestBot.Tests.Support;
using DigestBot.Tests.Web.Status;

namespace DigestBot.Tests.Web.Subscriptions;

/// <summary>The preference centre's fields over HTTP on the real worker: each value checked server-side, changes logged and shown.</summary>
public sealed class PreferenceCentreEndpointsTests : IAsyncLifetime
{
    private TestApp app = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        app = TestApp.Create(c => TwoDigestCatalog.Apply(c));
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

    [Theory]
    [InlineData("time-zone", "Mars/Olympus_Mons", "Unknown time zone", "is not a time zone in the list")]
    [InlineData("time-zone", "US/Eastern", "Unknown time zone", "IANA names such as Europe/London")]
    [InlineData("hour", "24", "Delivery hour", "a whole hour from 0 to 23")]
    [InlineData("hour", "7.5", "Delivery hour", "a whole hour from 0 to 23")]
    [InlineData("hour", "-1", "Delivery hour", "a whole hour from 0 to 23")]
    [InlineData("muted", "ok\u0001bad", "Muted words", "control character")]
    [InlineData("muted", "x", "Muted words", "2 to 60 characters long")]
    [InlineData("digest-choice", "1", "Your digests", "Choose at least one digest, or unsubscribe.")]
    public async Task Save_invalidValue_400SayingWhyAndNothingChanges(string field, string value, string title, string message)
    {
        var link = await ReaderAsync();
        List<(string, string)> fields = [("section", "space"), ("time-zone", "Europe/Paris"), ("hour", "7"), ("muted", "crypto"), (field, value)];
        if (field != "digest-choice")
        {
            fields.Add(("digest", "daily"));
        }

        using var posted = await http.PostAsync(link, Form(fields.Where(f => f.Item1 != field || f.Item2 == value).ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var page = await posted.Content.ReadAsStringAsync();
        Assert.Contains($"<title>{title}</title>", page, StringComparison.Ordinal);
        Assert.Contains(message, page, StringComparison.Ordinal);
        var reader = await app.Get<SubscriberStore>().FindAsync("reader@example.org");
        Assert.Equal((null, (int?)null, 0, 0), (reader!.TimeZone, reader.DeliveryHour, reader.MutedWords.Count, reader.Sections.Count));
        Assert.Empty(await app.Get<PreferenceStore>().HistoryAsync("reader@example.org"));
    }

    [Fact]
    public async Task Save_fiftyOneMutedWords_400()
    {
        var link = await ReaderAsync();

        using var posted = await http.PostAsync(link, Form(("section", "space"), ("muted", string.Join(", ", Enumerable.Range(0, 51).Select(i => $"w{i}")))));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("At most 50 muted words; you entered 51.", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_hourWithoutTimeZone_400()
    {
        var link = await ReaderAsync();

        using var posted = await http.PostAsync(link, Form(("section", "space"), ("time-zone", ""), ("hour", "6")));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("Choose your time zone too", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_valid_storesLogsFieldNamesOnlyAndShowsLastChanged()
    {
        var link = await ReaderAsync();

        using var posted = await http.PostAsync(link, Form(
            ("section", "space"), ("digest-choice", "1"), ("digest", "daily"), ("digest", "weekly"), ("time-zone", "america/new_york"),
            ("hour", "18"), ("muted", "Crypto, football\nsolar sail")));
        var page = await http.GetStringAsync(link);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var reader = await app.Get<SubscriberStore>().FindAsync("reader@example.org");
        Assert.Equal(["space"], reader!.Sections);
        Assert.Empty(reader.Digests);
        Assert.Equal(("America/New_York", (int?)18), (reader.TimeZone, reader.DeliveryHour));
        Assert.Equal(["Crypto", "football", "solar sail"], reader.MutedWords);
        var change = Assert.Single(await app.Get<PreferenceStore>().HistoryAsync("reader@example.org"));
        Assert.Equal([PreferenceFields.Sections, PreferenceFields.TimeZone, PreferenceFields.DeliveryHour, PreferenceFields.MutedWords], change.Fields);
        Assert.Contains("Last changed ", page, StringComparison.Ordinal);
        Assert.Contains("(America/New_York) (sections, time zone, delivery hour, muted words).", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"America/New_York\" selected=\"selected\">", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"18\" selected=\"selected\">18:00</option>", page, StringComparison.Ordinal);
        Assert.Contains(">Crypto\nfootball\nsolar sail</textarea>", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("data-guess=\"no\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_unsubscribedReader_savedButStillUnsubscribed()
    {
        var link = await ReaderAsync();
        await app.Get<SubscriberStore>().SetStatusAsync("reader@example.org", SubscriberStatus.Unsubscribed);

        using var posted = await http.PostAsync(link, Form(("section", "space"), ("muted", "crypto")));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await app.Get<SubscriberStore>().FindAsync("reader@example.org"))!.Status);
    }

    [Fact]
    public async Task SubscribeForm_showsEveryFieldAndStoresThemForThePendingReader()
    {
        var form = await http.GetStringAsync("subscribe");
        using var posted = await http.PostAsync("subscribe", Form(
            ("email", "new@example.org"), ("section", "energy"), ("digest-choice", "1"), ("digest", "weekly"), ("time-zone", "Asia/Tokyo"),
            ("hour", "6"), ("muted", "football")));
        using var bad = await http.PostAsync("subscribe", Form(("email", "other@example.org"), ("time-zone", "Nowhere/Land")));

        Assert.Contains("<select id=\"time-zone\" name=\"time-zone\" data-guess=\"browser\">", form, StringComparison.Ordinal);
        Assert.Contains("<optgroup label=\"Europe\">", form, StringComparison.Ordinal);
        Assert.Contains("Weekly roundup <span class=\"muted\">(every Monday at 08:00, Europe/London time)</span>", form, StringComparison.Ordinal);
        Assert.Contains("Test Daily <span class=\"muted\">(every day at 07:00, Europe/London time)</span>", form, StringComparison.Ordinal);
        Assert.Contains("Used by digests delivered at your local time", form, StringComparison.Ordinal);
        // No mail server is configured here, so the confirmation fails (503) after the pending reader is stored.
        var pending = await app.Get<SubscriberStore>().FindAsync("new@example.org");
        Assert.Equal((SubscriberStatus.Pending, "Asia/Tokyo", (int?)6), (pending!.Status, pending.TimeZone, pending.DeliveryHour));
        Assert.Equal(["weekly"], pending.Digests);
        Assert.Equal(["football"], pending.MutedWords);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Null(await app.Get<SubscriberStore>().FindAsync("other@example.org"));
    }

    private async Task<string> ReaderAsync()
    {
        await app.Get<SubscriberStore>().UpsertAsync(new Subscriber("reader@example.org", null, [], [], SubscriberStatus.Active));
        return new Uri(app.Get<EmailMessageFactory>().PreferencesUrl("reader@example.org")).PathAndQuery;
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}
