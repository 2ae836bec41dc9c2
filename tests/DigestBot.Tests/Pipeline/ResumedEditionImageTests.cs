using System.Text.Json.Nodes;
using DigestBot.Pipeline;
using DigestBot.Tests.Reliability;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Pipeline;

/// <summary>
/// A feed with a story picture, an edition stopped after its content was recorded (the mail server was down), and the
/// same slot run again once it is back: the resumed edition shows the picture from the recorded content, in the email
/// and as the Discord thumbnail, though the stored article has lost it meanwhile.
/// </summary>
public sealed class ResumedEditionImageTests
{
    private const string Feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
          <channel>
            <title>Space Wire</title>
            <link>https://space.example.org/</link>
            <item>
              <title>Booster lands on drone ship</title>
              <link>https://space.example.org/booster</link>
              <pubDate>{0}</pubDate>
              <description>The first stage landed 600 km downrange.</description>
              <media:thumbnail url="https://stats.example.org/pixel.gif" width="1" height="1"/>
              <media:content url="https://images.example.org/booster/640.jpg" medium="image" width="640" height="360">
                <media:description>The booster standing on the drone ship's deck</media:description>
              </media:content>
            </item>
            <item>
              <title>Probe enters orbit around Jupiter</title>
              <link>https://space.example.org/jupiter</link>
              <pubDate>{0}</pubDate>
              <description>After a five-year cruise the probe fired its engine.</description>
            </item>
          </channel>
        </rss>
        """;

    [SkippableFact]
    public async Task RunAsync_editionResumedFromRecordedContent_keepsPicturesInEmailAndDiscord()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var discord = await FakeDiscordServer.StartAsync();
        // The mail server is down (its port held for it) until the first run has been interrupted.
        await using var sink = await SmtpSink.StartAsync();
        await sink.StopAsync();
        var smtpPort = sink.Port;
        var now = DateTimeOffset.UtcNow;
        await using var app = TestApp.Create(c =>
        {
            c["Smtp"]!["Port"] = smtpPort;
            c["Smtp"]!["RetryDelay"] = "00:00:00.200";
            c["FanOut"] = new JsonObject { ["RetryDelay"] = "00:00:00.200", ["PollInterval"] = "00:00:00.100" };
            c["Digests"]!["daily"]!["Discord"] = new JsonArray("community");
            c["Discord"]!["Destinations"]!["community"] = new JsonObject { ["WebhookUrl"] = discord.CreateWebhook("community") };
            TestApp.AddReaders(c, 2);
        });
        app.AddSource("space-wire", "space", string.Format(System.Globalization.CultureInfo.InvariantCulture, Feed, now.AddHours(-1).ToString("R")));
        await app.StartAsync();
        var probe = new StoreProbe(new DigestBot.Options.StorageOptions { SqlitePath = app.Config["Storage"]!["SqlitePath"]!.GetValue<string>() }, app.Root);

        using var stop = new CancellationTokenSource();
        var first = app.Get<DigestPipeline>().RunAsync("daily", now, stop.Token);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await probe.ScalarAsync("SELECT COUNT(*) FROM editions WHERE content IS NOT NULL") == 0)
        {
            Assert.False(first.IsCompleted, "the edition finished without the mail server");
            Assert.True(DateTime.UtcNow < deadline, "the edition's content was never recorded");
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        Assert.Equal(EditionOutcomeStatus.Interrupted, (await first.WaitAsync(TimeSpan.FromSeconds(30))).Status);
        // Only the recorded content still has the picture now.
        await probe.ScalarAsync("UPDATE articles SET image_url = NULL");
        await sink.RestartAsync();

        var resumed = await app.Get<DigestPipeline>().RunAsync("daily", now);

        Assert.Equal(EditionOutcomeStatus.Sent, resumed.Status);
        var messages = await sink.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30));
        Assert.All(messages, m =>
        {
            var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(m.Message.HtmlBody ?? "");
            var img = Assert.Single(html.QuerySelectorAll("img"));
            Assert.Equal("https://images.example.org/booster/640.jpg", img.GetAttribute("src"));
            Assert.Equal(("120", "68"), (img.GetAttribute("width"), img.GetAttribute("height")));
            Assert.Equal("The booster standing on the drone ship's deck", img.GetAttribute("alt"));
        });
        var embed = Assert.Single(Assert.Single(discord.Messages).Body["embeds"]!.AsArray())!;
        Assert.Equal("https://images.example.org/booster/640.jpg", embed["thumbnail"]!["url"]!.GetValue<string>());
    }
}
