using System.Text.Json.Nodes;
using DigestBot.Cli;
using DigestBot.Options;
using DigestBot.Pipeline;
using DigestBot.Render.Discord;
using DigestBot.Tests.Observability;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Cli;

public sealed class DiscordPreviewWriterTests
{
    [Fact]
    public async Task WriteAsync_digestWithDestination_writesTheRequestBodiesBesideTheHtml()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var app = ObservedApp.Create(discord);
        await app.StartAsync();
        var digest = await app.Get<DigestBuilder>().BuildAsync("daily", DateTimeOffset.UtcNow, "daily@preview");
        var html = new FileInfo(Path.Combine(app.Root, "out", "preview.html"));
        Directory.CreateDirectory(html.DirectoryName!);

        var files = await DiscordPreviewWriter.WriteAsync(digest, app.Get<IOptions<CatalogOptions>>().Value.Digests["daily"],
            app.Get<IOptions<DiscordOptions>>().Value, app.Get<DiscordMessageBuilder>(), html);

        var file = Assert.Single(files);
        Assert.Equal(Path.Combine(app.Root, "out", "preview.discord-community.json"), file.FullName);
        var messages = JsonNode.Parse(await File.ReadAllTextAsync(file.FullName))!.AsArray();
        var message = Assert.Single(messages);
        Assert.Empty(DiscordPayloadRules.Check(message));
        Assert.Contains("Booster lands", message!["embeds"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(message["allowed_mentions"]!["parse"]!.AsArray());
    }
}
