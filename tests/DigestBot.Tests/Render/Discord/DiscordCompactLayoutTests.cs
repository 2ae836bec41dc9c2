using System.Text.Json;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Discord;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Render.Discord;

/// <summary>The compact layout: markdown headings and one linked headline per line, in as few messages as fit.</summary>
public sealed class DiscordCompactLayoutTests
{
    private static readonly DiscordDestinationOptions Compact = new() { WebhookUrl = "https://discord.test/api/webhooks/1/t", Layout = DiscordLayout.Compact };

    [Fact]
    public void Build_smallDigest_oneMessageWithHeadingsLinksTheArchiveLinkAndTheLeadPicture()
    {
        var digest = TestDigests.Create(2, 2, title: (s, a) => $"Story {s}.{a}") with { ArchiveUrl = "https://digest.example.org/archive/daily/2026-11-25" };
        var lead = digest.Sections[0].Items[0];
        digest = digest with { Sections = [digest.Sections[0] with { Items = [lead with { Article = lead.Article with { Image = new ArticleImage("https://images.example.org/lead.jpg") } }, .. digest.Sections[0].Items.Skip(1)] }, digest.Sections[1]] };

        var payload = Assert.Single(new DiscordMessageBuilder().Build(digest, Compact));

        Assert.Equal("**Test Daily** · Wednesday 25 November 2026 · [View in browser](<https://digest.example.org/archive/daily/2026-11-25>)", payload.Content);
        var embed = Assert.Single(payload.Embeds);
        Assert.Equal("https://images.example.org/lead.jpg", embed.Thumbnail?.Url);
        var lines = embed.Description!.Split('\n');
        Assert.StartsWith("## Section 0", lines[0], StringComparison.Ordinal);
        Assert.Equal($"- [Story 0.0]({digest.Sections[0].Items[0].Article.Link})", lines[1]);
        Assert.StartsWith("## Section 1", lines[3], StringComparison.Ordinal);
        Assert.Equal(2 * 3, lines.Length);
        Assert.Empty(payload.AllowedMentions.Parse);
    }

    [Theory]
    [InlineData(40, 60, 180, 2026)]
    [InlineData(3, 25, 60, 7)]
    [InlineData(12, 5, 250, 11)]
    public void Build_anyDigest_withinLimitsEveryHeadlineOnceEachMessageFullBeforeTheNext(int sections, int articles, int titleLength, int seed)
    {
        var digest = TestDigests.Create(sections, articles, titleLength, seed);

        var payloads = new DiscordMessageBuilder().Build(digest, Compact);

        Assert.All(payloads, p => Assert.Empty(DiscordPayloadRules.Check(JsonSerializer.SerializeToNode(p))));
        var text = string.Join('\n', payloads.SelectMany(p => p.Embeds).Select(e => e.Description));
        Assert.All(digest.Sections.SelectMany(s => s.Items), item =>
            Assert.Single(text.Split('\n'), l => l.EndsWith($"]({DiscordText.LinkTarget(item.Article.Link)})", StringComparison.Ordinal)));
        // Greedy: a message ends only when the next message's first line (with its heading) would not have fitted.
        for (var i = 0; i + 1 < payloads.Count; i++)
        {
            var next = payloads[i + 1].Embeds[0].Description!.Split('\n');
            var carried = next[0].Length + 1 + next[1].Length;
            var embeds = payloads[i].Embeds;
            var full = embeds.Sum(e => e.Description!.Length) + carried > DiscordLimits.EmbedCharactersPerMessage
                || (embeds.Count == DiscordLimits.EmbedsPerMessage && embeds[^1].Description!.Length + 1 + carried > DiscordLimits.Description);
            Assert.True(full, $"message {i} had room for the next line");
        }
    }
}
