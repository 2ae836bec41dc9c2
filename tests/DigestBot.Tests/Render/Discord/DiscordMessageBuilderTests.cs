using System.Text.Json;
using DigestBot.Options;
using DigestBot.Render.Discord;

namespace DigestBot.Tests.Render.Discord;

public sealed class DiscordMessageBuilderTests
{
    private readonly DiscordMessageBuilder builder = new();

    [Fact]
    public void Build_feedTextWithMentions_allowsNoMentionsAndEscapesThem()
    {
        var digest = TestDigests.Create(2, 3, title: (_, a) => a == 0 ? "@everyone <@&987654321> **Launch** _today_" : "Plain title");

        var payloads = builder.Build(digest, new DiscordDestinationOptions { WebhookUrl = "https://discord.test/api/webhooks/1/t" });

        var json = JsonSerializer.SerializeToNode(payloads[0])!;
        Assert.Empty(json["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Empty(json["allowed_mentions"]!["roles"]!.AsArray());
        Assert.Empty(json["allowed_mentions"]!["users"]!.AsArray());
        var description = payloads[0].Embeds[0].Description!;
        Assert.Contains(@"\@everyone \<\@&987654321\> \*\*Launch\*\* \_today\_", description, StringComparison.Ordinal);
        Assert.DoesNotContain(" @everyone", description, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&", string.Join("", payloads.Select(p => p.Content)), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_configuredRole_mentionsOnlyThatRoleInTheFirstMessage()
    {
        var digest = TestDigests.Create(12, 2);

        var payloads = builder.Build(digest, new DiscordDestinationOptions { WebhookUrl = "https://discord.test/api/webhooks/1/t", MentionRoleId = "42" });

        Assert.True(payloads.Count > 1);
        Assert.StartsWith("<@&42> **Test Daily**", payloads[0].Content, StringComparison.Ordinal);
        Assert.All(payloads.Skip(1), p => Assert.Null(p.Content));
        Assert.All(payloads, p =>
        {
            Assert.Empty(p.AllowedMentions.Parse);
            Assert.Equal(["42"], p.AllowedMentions.Roles);
        });
    }

    [Fact]
    public void Build_sectionEmbed_linksLeadStoryListsStoriesAndCreditsSources()
    {
        var digest = TestDigests.Create(1, 3, title: (_, a) => $"Story {a}");

        var embed = Assert.Single(Assert.Single(builder.Build(digest, new DiscordDestinationOptions { ChannelId = "5", Color = "#0B3D91" })).Embeds);

        Assert.Equal(digest.Sections[0].Items[0].Article.Link, embed.Url);
        Assert.Equal(0x0B3D91, embed.Color);
        Assert.Equal(TestDigests.Slot, embed.Timestamp);
        Assert.StartsWith("Sources: Source 0", embed.Footer!.Text, StringComparison.Ordinal);
        var lines = embed.Description!.Split('\n');
        Assert.Equal($"• **[Story 0]({digest.Sections[0].Items[0].Article.Link})**", lines[0]);
        Assert.Equal($"• [Story 2]({digest.Sections[0].Items[2].Article.Link})", lines[^1]);
    }

    [Fact]
    public void Build_botDestination_hasNoWebhookOnlyFields()
    {
        var payload = builder.Build(TestDigests.Create(1, 1), new DiscordDestinationOptions { ChannelId = "5", Username = "Digest", AvatarUrl = "https://example.org/a.png" })[0];

        Assert.Null(payload.Username);
        Assert.Null(payload.AvatarUrl);
    }

    [Fact]
    public void Build_forumThreadName_namesTheThreadOnTheFirstMessageOnly()
    {
        var digest = TestDigests.Create(15, 1);

        var payloads = builder.Build(digest, new DiscordDestinationOptions { WebhookUrl = "https://discord.test/api/webhooks/1/t", ThreadName = "{title} {date}" });

        Assert.Equal("Test Daily 2026-11-25", payloads[0].ThreadName);
        Assert.All(payloads.Skip(1), p => Assert.Null(p.ThreadName));
    }

    [Fact]
    public void Build_destinationSections_postsOnlyThoseSections()
    {
        var digest = TestDigests.Create(3, 1);

        var payload = Assert.Single(builder.Build(digest, new DiscordDestinationOptions { ChannelId = "5", Sections = ["section-1"] }));

        Assert.StartsWith("Section 1", Assert.Single(payload.Embeds).Title, StringComparison.Ordinal);
    }
}
