using System.Text.Json.Nodes;
using DigestBot.Pipeline;
using DigestBot.Store;
using DigestBot.Tests.Support;
using MimeKit;

namespace DigestBot.Tests.Pipeline;

/// <summary>One digest the whole way: local feed -> SQLite -> ranking -> Razor -> smtp-sink and a Discord-compatible server.</summary>
public sealed class SendNowEndToEndTests : IAsyncLifetime
{
    private MailAndDiscordPeers peers = null!;

    private SmtpSink Sink => peers.Sink!;

    private FakeDiscordServer Discord => peers.Discord!;

    public async Task InitializeAsync()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        peers = await MailAndDiscordPeers.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (peers is not null)
        {
            await peers.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task RunAsync_freshArticles_emailsEverySubscriberAndPostsToDiscord()
    {
        var now = DateTimeOffset.UtcNow;
        await using var app = CreateApp(now);

        await app.StartAsync();
        var outcome = await app.Get<DigestPipeline>().RunAsync("daily", now);

        Assert.Equal(EditionOutcomeStatus.Sent, outcome.Status);
        var messages = await Sink.WaitForMessagesAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, messages.Count);

        var all = messages.Single(m => m.Recipients.Contains("all@example.org")).Message;
        Assert.Equal("multipart/alternative", all.Body?.ContentType.MimeType);
        Assert.Contains("Booster lands on drone ship", all.TextBody, StringComparison.Ordinal);
        Assert.Contains("Booster lands on drone ship", all.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Wind farm opens", all.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("Test Daily: ", all.Subject ?? "", StringComparison.Ordinal);
        Assert.Contains("List-Unsubscribe=One-Click", all.Headers["List-Unsubscribe-Post"], StringComparison.Ordinal);
        Assert.Contains("http://digestbot.test/unsubscribe?email=all%40example.org&token=", all.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Contains("1 Test Street, Testville", all.HtmlBody, StringComparison.Ordinal);

        var spaceOnly = messages.Single(m => m.Recipients.Contains("space@example.org")).Message;
        Assert.Contains("Booster lands on drone ship", spaceOnly.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Wind farm opens", spaceOnly.HtmlBody, StringComparison.Ordinal);

        var post = Assert.Single(Discord.Messages);
        var embeds = post.Body["embeds"]!.AsArray();
        Assert.Equal(2, embeds.Count);
        Assert.Contains("Booster lands on drone ship", embeds[0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(post.Body["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Equal("?wait=true", post.Query);
    }

    [SkippableFact]
    public async Task RunAsync_sameSlotTwice_sendsOnce()
    {
        var now = DateTimeOffset.UtcNow;
        await using var app = CreateApp(now);
        await app.StartAsync();
        var pipeline = app.Get<DigestPipeline>();

        var first = await pipeline.RunAsync("daily", now);
        var second = await pipeline.RunAsync("daily", now);

        Assert.Equal((EditionOutcomeStatus.Sent, EditionOutcomeStatus.AlreadySent), (first.Status, second.Status));
        Assert.Equal(["all@example.org", "space@example.org"], await AcceptedAsync(app, first.EditionId));
        Assert.Equal(await AcceptedAsync(app, first.EditionId), Received());
        Assert.Single(Discord.Messages);
    }

    [SkippableFact]
    public async Task RunAsync_nextSlotWithNothingNew_sendsNothing()
    {
        var now = DateTimeOffset.UtcNow;
        await using var app = CreateApp(now);
        await app.StartAsync();
        var pipeline = app.Get<DigestPipeline>();

        var first = await pipeline.RunAsync("daily", now);
        var next = await pipeline.RunAsync("daily", now.AddMinutes(1));

        Assert.Equal((EditionOutcomeStatus.Sent, EditionOutcomeStatus.Empty), (first.Status, next.Status));
        Assert.Empty(await AcceptedAsync(app, next.EditionId));
        Assert.Equal(await AcceptedAsync(app, first.EditionId), Received());
        Assert.Single(Discord.Messages);
    }

    [SkippableFact]
    public async Task RunAsync_emptySectionWithSaySo_toldInEmailAndReadersOfOnlyThatSectionGetNothing()
    {
        var now = DateTimeOffset.UtcNow;
        await using var app = CreateApp(now);
        app.Config["Sections"]!["weather"] = new JsonObject { ["Title"] = "Weather", ["TopN"] = 3 };
        app.Config["Digests"]!["daily"]!["Sections"] = new JsonArray("space", "weather");
        app.Config["Digests"]!["daily"]!["EmptySections"] = "SaySo";
        app.AddSubscriber("weather@example.org", "Weather Only", "weather");
        await app.StartAsync();

        var outcome = await app.Get<DigestPipeline>().RunAsync("daily", now);

        Assert.Equal(EditionOutcomeStatus.Sent, outcome.Status);
        Assert.Equal(["all@example.org", "space@example.org"], await AcceptedAsync(app, outcome.EditionId));
        Assert.Equal(await AcceptedAsync(app, outcome.EditionId), Received());
        var messages = Sink.Messages();
        var all = messages.Single(m => m.Recipients.Contains("all@example.org")).Message;
        Assert.Contains("Weather", all.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("No new stories", all.TextBody, StringComparison.Ordinal);
        Assert.Contains("No new stories", all.HtmlBody, StringComparison.Ordinal);
    }

    /// <summary>
    /// The addresses the edition's ledger records as accepted by the server. The ledger is written after the server's 250
    /// and the pipeline returns only when the edition is over, so once it has returned the sink holds every message the
    /// edition sent: comparing the two asserts that nothing more arrived, without waiting to see.
    /// </summary>
    private static async Task<IReadOnlyList<string>> AcceptedAsync(TestApp app, string editionId) =>
        (await app.Get<EmailLedger>().EntriesAsync(editionId)).Where(e => e.Status == "sent").Select(e => e.Email).Order(StringComparer.Ordinal).ToList();

    private IReadOnlyList<string> Received() => Sink.Messages().SelectMany(m => m.Recipients).Order(StringComparer.Ordinal).ToList();

    private TestApp CreateApp(DateTimeOffset now)
    {
        var app = TestApp.Create(c =>
        {
            c["Sections"]!["energy"] = new JsonObject { ["Title"] = "Energy News", ["TopN"] = 3 };
            c["Digests"]!["daily"]!["Sections"] = new JsonArray("space", "energy");
            c["Digests"]!["daily"]!["Discord"] = new JsonArray("community");
            c["Smtp"]!["Port"] = Sink.Port;
            c["Discord"]!["Destinations"]!["community"] = new JsonObject { ["WebhookUrl"] = Discord.CreateWebhook("community") };
        });
        app.AddSource("space-wire", "space", TestFeeds.Rss("Space Wire", "https://space.example.org/",
            new TestItem("Booster lands on drone ship", "https://space.example.org/booster", now.AddHours(-1), "The first stage landed 600 km downrange."),
            new TestItem("Probe enters orbit around Jupiter", "https://space.example.org/jupiter", now.AddHours(-3), "After a five-year cruise the probe fired its engine.")));
        app.AddSource("grid", "energy", TestFeeds.Rss("Grid", "https://grid.example.org/",
            new TestItem("Wind farm opens", "https://grid.example.org/wind", now.AddHours(-2), "Eighty turbines now feed the grid.")));
        app.AddSubscriber("all@example.org", "All Sections");
        app.AddSubscriber("space@example.org", "Space Only", "space");
        return app;
    }
}
