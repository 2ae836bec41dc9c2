using System.Text.Json;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Discord;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Render.Discord;

/// <summary>The lead story's picture as the section embed's thumbnail.</summary>
public sealed class DiscordThumbnailTests
{
    private static readonly DiscordDestinationOptions Destination = new() { WebhookUrl = "https://discord.test/api/webhooks/1/t" };
    private readonly DiscordMessageBuilder builder = new();

    [Fact]
    public void Build_leadStoryWithPicture_firstEmbedOfTheSectionHasItAsThumbnail()
    {
        var digest = WithImages(TestDigests.Create(2, 3), (0, 0, new ArticleImage("https://images.example.org/lead.jpg", 640, 360)));

        var embeds = builder.Build(digest, Destination).SelectMany(p => p.Embeds).ToList();

        Assert.Equal("https://images.example.org/lead.jpg", embeds[0].Thumbnail?.Url);
        Assert.Null(embeds[1].Thumbnail);
        var json = JsonSerializer.SerializeToNode(builder.Build(digest, Destination)[0])!;
        Assert.Equal("https://images.example.org/lead.jpg", json["embeds"]![0]!["thumbnail"]!["url"]!.GetValue<string>());
        Assert.Null(json["embeds"]![1]!["thumbnail"]);
    }

    [Fact]
    public void Build_onlyALaterStoryHasAPicture_noThumbnail()
    {
        var digest = WithImages(TestDigests.Create(2, 3),
            (0, 1, new ArticleImage("https://images.example.org/second.jpg")), (1, 0, new ArticleImage("https://images.example.org/lead.jpg")));

        var embeds = Assert.Single(builder.Build(digest, Destination)).Embeds;

        Assert.Equal([null, "https://images.example.org/lead.jpg"], embeds.Select(e => e.Thumbnail?.Url));
    }

    [Theory]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", null)]
    [InlineData("/relative.jpg", null)]
    [InlineData("https://stats.example.org/pixel.gif", 1)]
    public void Build_hostileOrTinyLeadPicture_noThumbnail(string url, int? side)
    {
        var digest = WithImages(TestDigests.Create(2, 1),
            (0, 0, new ArticleImage(url, side, side)), (1, 0, new ArticleImage("https://images.example.org/lead.jpg")));

        var embeds = Assert.Single(builder.Build(digest, Destination)).Embeds;

        Assert.Equal([null, "https://images.example.org/lead.jpg"], embeds.Select(e => e.Thumbnail?.Url));
    }

    [Fact]
    public void Build_sectionSplitOverMessages_thumbnailOnlyOnItsFirstEmbed()
    {
        var digest = WithImages(TestDigests.Create(1, 60, titleLength: 180, seed: 7), (0, 0, new ArticleImage("https://images.example.org/lead.jpg")));

        var payloads = builder.Build(digest, Destination);

        var embeds = payloads.SelectMany(p => p.Embeds).ToList();
        Assert.True(embeds.Count > 1, "the section was expected to need several embeds");
        Assert.Equal("https://images.example.org/lead.jpg", embeds[0].Thumbnail?.Url);
        Assert.All(embeds.Skip(1), e => Assert.Null(e.Thumbnail));
        Assert.All(payloads, p => Assert.Empty(DiscordPayloadRules.Check(JsonSerializer.SerializeToNode(p))));
    }

    /// <summary>The digest with pictures set on (section, item) articles.</summary>
    public static Digest WithImages(Digest digest, params (int Section, int Item, ArticleImage Image)[] images) =>
        digest with
        {
            Sections = digest.Sections.Select((s, si) => s with
            {
                Items = s.Items.Select((item, ii) => images.FirstOrDefault(x => x.Section == si && x.Item == ii) is { Image: { } image }
                    ? item with { Article = item.Article with { Image = image } }
                    : item).ToList(),
            }).ToList(),
        };
}
