using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DigestBot.Pipeline;
using DigestBot.Tests.Support;
using Quartz;

namespace DigestBot.Tests.Web.Status;

public sealed class StatusEndpointTests
{
    [Fact]
    public async Task StatusJson_afterAnEdition_showsScheduleEditionSourcesDiscordAndSubscribers()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await using var app = TestApp.Create(c =>
        {
            c["Digests"]!["daily"]!["TimeZone"] = "America/New_York";
            c["Digests"]!["daily"]!["Discord"] = new JsonArray("community");
            c["Discord"]!["Destinations"] = new JsonObject
            {
                ["community"] = new JsonObject { ["WebhookUrl"] = discord.CreateWebhook("community") },
                ["ops"] = new JsonObject(),
            };
            // Reads another digest only, so the edition sends no email and needs no SMTP server.
            c["Email"]!["Subscribers"] = new JsonArray(new JsonObject { ["Email"] = "reader@example.org", ["Digests"] = new JsonArray("weekly") });
        });
        app.AddSource("wire", "space", TestFeeds.Rss("Wire", "https://wire.example.org/",
            new TestItem("Booster lands", "https://wire.example.org/booster", now.AddHours(-1), "It landed.")));
        app.Config["Sources"]!["broken"] = new JsonObject { ["Url"] = Path.Combine(app.Root, "feeds", "missing.xml"), ["Section"] = "space" };
        app.WriteConfig();
        await WorkerHost.StartAsync(app);

        var outcome = await app.Get<DigestPipeline>().RunAsync("daily", now);
        var status = await WorkerHost.StatusJsonAsync(app);

        Assert.Equal(EditionOutcomeStatus.Sent, outcome.Status);
        var daily = WorkerHost.Digest(status, "daily");
        Assert.Equal("Test Daily", daily["title"]!.GetValue<string>());
        Assert.Equal("0 0 7 * * ?", daily["cron"]!.GetValue<string>());
        Assert.Equal("America/New_York", daily["timeZone"]!.GetValue<string>());
        Assert.True(daily["scheduled"]!.GetValue<bool>());
        var expectedNext = new CronExpression("0 0 7 * * ?", TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).GetNextValidTimeAfter(DateTimeOffset.UtcNow);
        Assert.Equal(expectedNext, daily["nextFireUtc"]!.GetValue<DateTimeOffset>());
        Assert.Equal(7, daily["nextFireLocal"]!.GetValue<DateTimeOffset>().Hour);

        var edition = daily["editions"]!.AsArray().Single()!;
        Assert.Equal(outcome.EditionId, edition["id"]!.GetValue<string>());
        Assert.Equal("sent", edition["status"]!.GetValue<string>());
        Assert.Equal(1, edition["articles"]!.GetValue<int>());
        Assert.Equal(0, edition["emailsSent"]!.GetValue<int>());
        Assert.Equal(1, edition["discordPosts"]!.GetValue<int>());

        var sources = status["sources"]!.AsArray().ToDictionary(s => s!["id"]!.GetValue<string>());
        Assert.Equal("ok", sources["wire"]!["state"]!.GetValue<string>());
        Assert.Equal(1, sources["wire"]!["items"]!.GetValue<int>());
        Assert.Equal("failing", sources["broken"]!["state"]!.GetValue<string>());
        Assert.Contains("missing.xml", sources["broken"]!["lastError"]!.GetValue<string>(), StringComparison.Ordinal);

        var destinations = status["discordDestinations"]!.AsArray().ToDictionary(d => d!["name"]!.GetValue<string>());
        Assert.Equal("webhook", destinations["community"]!["mode"]!.GetValue<string>());
        Assert.Equal(1, destinations["community"]!["posts"]!.GetValue<int>());
        Assert.Equal("daily", destinations["community"]!["digests"]![0]!.GetValue<string>());
        Assert.Equal("outbox", destinations["ops"]!["mode"]!.GetValue<string>());
        Assert.DoesNotContain("webhooks/", status.ToJsonString(), StringComparison.Ordinal);

        Assert.Equal(1, status["subscribers"]!["Active"]!.GetValue<int>());
    }

    [Fact]
    public async Task StatusPage_htmlInTitles_isEncoded()
    {
        await using var app = TestApp.Create(c => c["Digests"]!["daily"]!["Title"] = "Night <script>alert(1)</script> & Day");
        await WorkerHost.StartAsync(app);
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(WorkerHost.BaseAddress(app), "status"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Night &lt;script&gt;alert(1)&lt;/script&gt; &amp; Day", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("<code>0 0 7 * * ?</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_credentialsConfigured_requireBasicAuth()
    {
        await using var app = TestApp.Create(c => c["Web"]!["Status"] = new JsonObject { ["Username"] = "admin", ["Password"] = "s3cret" });
        await WorkerHost.StartAsync(app);
        using var client = new HttpClient { BaseAddress = WorkerHost.BaseAddress(app) };

        using var anonymous = await client.GetAsync("status.json");
        using var wrong = await SendAsync(client, "status", "admin:guess");
        using var right = await SendAsync(client, "status.json", "admin:s3cret");
        using var health = await client.GetAsync("health");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("\"daily\"", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string credentials)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return client.SendAsync(request);
    }
}
