using System.Text.Json.Nodes;
using DigestBot.Hosting;
using DigestBot.Pipeline;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Web.Archive;

/// <summary>
/// The real worker (Kestrel, Quartz, store) listening on a known port with <c>Web:BaseUrl</c> pointing at it, so the
/// absolute links the archive and the emails carry can be followed. Editions are sent through the real pipeline.
/// </summary>
internal sealed class ArchiveApp : IAsyncDisposable
{
    private readonly string feed;

    private ArchiveApp(TestApp app, Uri baseUrl, string feed)
    {
        App = app;
        BaseUrl = baseUrl;
        this.feed = feed;
    }

    public TestApp App { get; }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; } = new();

    /// <param name="peers">smtp-sink and Discord to deliver to; without them the digest sends no email and posts nowhere.</param>
    public static async Task<ArchiveApp> StartAsync(MailAndDiscordPeers? peers = null, Action<JsonObject>? edit = null)
    {
        // Web:BaseUrl must name the port before the host starts; Kestrel binds the reserved port (SO_REUSEADDR).
        using var reservation = PortReservation.Take();
        var port = reservation.Port;
        var app = TestApp.Create(c =>
        {
            c["Web"]!["Urls"] = $"http://127.0.0.1:{port}";
            c["Web"]!["BaseUrl"] = $"http://127.0.0.1:{port}/";
            c["Digests"]!["daily"]!["Email"] = peers?.Sink is not null;
            if (peers?.Sink is { } sink)
            {
                c["Smtp"]!["Port"] = sink.Port;
            }

            if (peers?.Discord is { } discord)
            {
                c["Digests"]!["daily"]!["Discord"] = new JsonArray("community");
                c["Discord"]!["Destinations"]!["community"] = new JsonObject { ["WebhookUrl"] = discord.CreateWebhook("community") };
            }

            edit?.Invoke(c);
        });
        var feed = app.AddSource("wire", "space", TestFeeds.Rss("Wire", "https://wire.example.org/"));
        await app.StartAsync(HostMode.Worker);
        return new ArchiveApp(app, new Uri($"http://127.0.0.1:{port}/"), feed);
    }

    /// <summary>Puts new stories in the feed and runs the edition of <paramref name="slot"/>.</summary>
    public async Task<EditionOutcome> SendAsync(DateTimeOffset slot, params string[] headlines)
    {
        var now = DateTimeOffset.UtcNow;
        await File.WriteAllTextAsync(feed, TestFeeds.Rss("Wire", "https://wire.example.org/", headlines
            .Select((h, i) => new TestItem(h, "https://wire.example.org/" + Uri.EscapeDataString(h), now.AddMinutes(-10 - i), "Details of " + h + "."))
            .ToArray()));
        var outcome = await App.Get<DigestPipeline>().RunAsync("daily", slot);
        Assert.Equal(EditionOutcomeStatus.Sent, outcome.Status);
        return outcome;
    }

    public Uri At(string path) => new(BaseUrl, path);

    public async Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage>? edit = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, At(path));
        edit?.Invoke(request);
        return await Http.SendAsync(request);
    }

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }
}
