using System.Text.Json.Nodes;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Observability;

/// <summary>A digest with one good source, one missing feed file and one Discord webhook; no email, so no SMTP server.</summary>
internal static class ObservedApp
{
    public static TestApp Create(FakeDiscordServer discord, Action<JsonObject>? edit = null)
    {
        var app = TestApp.Create(c =>
        {
            c["Digests"]!["daily"]!["Email"] = false;
            c["Digests"]!["daily"]!["Discord"] = new JsonArray("community");
            c["Discord"]!["Destinations"] = new JsonObject { ["community"] = new JsonObject { ["WebhookUrl"] = discord.CreateWebhook("community") } };
            edit?.Invoke(c);
        });
        app.AddSource("wire", "space", TestFeeds.Rss("Wire", "https://wire.example.org/",
            new TestItem("Booster lands", "https://wire.example.org/booster", DateTimeOffset.UtcNow.AddHours(-1), "It landed.")));
        app.Config["Sources"]!["broken"] = new JsonObject { ["Url"] = Path.Combine(app.Root, "feeds", "missing.xml"), ["Section"] = "space" };
        app.WriteConfig();
        return app;
    }
}
