using System.Text.Json.Nodes;
using DigestBot.Model;
using DigestBot.Tests.Render.Discord;

namespace DigestBot.Tests.Deliver.Discord;

/// <summary>The lead story's picture reaches Discord: the fake server, which checks bodies as Discord does, stores the thumbnail.</summary>
public sealed class DiscordThumbnailDeliveryTests
{
    [Fact]
    public async Task DeliverAsync_leadStoryWithPicture_postedEmbedCarriesThumbnail()
    {
        await using var harness = await DiscordHarness.StartAsync((server, d) =>
            d["news"] = new JsonObject { ["WebhookUrl"] = server.CreateWebhook("news") });
        var digest = DiscordThumbnailTests.WithImages(TestDigests.Create(2, 2), (1, 0, new ArticleImage("https://images.example.org/grid/lead.jpg", 800, 450)));

        var result = await harness.RunAsync(() => harness.Delivery.DeliverAsync(digest, ["news"]));

        Assert.Equal(1, result.Sent);
        Assert.Empty(harness.Server.Rejections);
        var embeds = Assert.Single(harness.Server.Messages).Body["embeds"]!.AsArray();
        Assert.Null(embeds[0]!["thumbnail"]);
        Assert.Equal("https://images.example.org/grid/lead.jpg", embeds[1]!["thumbnail"]!["url"]!.GetValue<string>());
    }
}
