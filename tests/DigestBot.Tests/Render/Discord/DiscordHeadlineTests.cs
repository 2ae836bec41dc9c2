using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Discord;
using DigestBot.Summarize;

namespace DigestBot.Tests.Render.Discord;

/// <summary>Each headline shows once in its section's embed: the section summary (which names every headline) is not
/// put beside the bullets; the lead gets a teaser sentence unless that sentence is its headline again.</summary>
public sealed class DiscordHeadlineTests
{
    private static readonly DiscordDestinationOptions Destination = new() { WebhookUrl = "https://discord.test/api/webhooks/1/t" };

    [Fact]
    public void Build_sectionWithSummarizerSummary_eachHeadlineAppearsOnceInTheEmbed()
    {
        var digest = Digest(
            ("Rocket reaches orbit on third try", "The rocket reached orbit on Tuesday after two failed launches. Engineers cheered."),
            ("Grid storage doubles in a year", "Batteries now hold twice as much."),
            ("Moon lander team picks a site", "A crater rim was chosen."));

        var embed = Assert.Single(Assert.Single(new DiscordMessageBuilder().Build(digest, Destination)).Embeds);

        foreach (var item in digest.Sections[0].Items)
        {
            Assert.Equal(1, Count(embed.Description!, item.Article.Title));
        }

        Assert.Contains("The rocket reached orbit on Tuesday after two failed launches.", embed.Description, StringComparison.Ordinal);
        Assert.StartsWith("• **[Rocket reaches orbit on third try](https://news.example.org/0)**\n", embed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_leadSummaryRepeatsItsHeadline_noTeaser()
    {
        var digest = Digest(("Storm closes the harbour", "Storm closes the harbour."), ("Ferry resumes", "It sails again."));

        var embed = Assert.Single(Assert.Single(new DiscordMessageBuilder().Build(digest, Destination)).Embeds);

        Assert.Equal(1, Count(embed.Description!, "Storm closes the harbour"));
        Assert.Equal(["• **[Storm closes the harbour](https://news.example.org/0)**", "", "• [Ferry resumes](https://news.example.org/1)"], embed.Description!.Split('\n'));
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }

    private static Digest Digest(params (string Title, string Summary)[] stories)
    {
        var items = stories.Select((s, i) => new DigestItem(new Article
        {
            Id = $"a{i}", SourceId = "wire", SourceName = "Wire", SectionId = "space", Title = s.Title, Link = $"https://news.example.org/{i}",
            Summary = s.Summary, Published = TestDigests.Slot.AddHours(-i),
        }, s.Summary, 1.0 / (i + 1))).ToList();
        var section = new SectionDigest("space", "Space News", items, new Summarizer().SummarizeSection("Space News", items));
        return new Digest("daily", "Test Daily", "daily@20261125T070000Z", TestDigests.Slot, TestDigests.Slot, [section]);
    }
}
