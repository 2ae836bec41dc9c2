using System.Text.Json;
using System.Text.RegularExpressions;
using DigestBot.Options;
using DigestBot.Render.Discord;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Render.Discord;

public sealed class DiscordPackerTests
{
    private static readonly DiscordDestinationOptions Webhook = new() { WebhookUrl = "https://discord.test/api/webhooks/1/t", Username = "DigestBot", Color = "#0B3D91" };

    [Fact]
    public void Build_digestsOfManySizes_stayWithinEveryLimitAndReachTheMinimum()
    {
        var builder = new DiscordMessageBuilder();
        var cases = 0;
        foreach (var sections in new[] { 1, 2, 9, 10, 11, 25 })
        {
            foreach (var articles in new[] { 1, 3, 20, 80 })
            {
                foreach (var titleLength in new[] { 5, 120, 900 })
                {
                    var digest = TestDigests.Create(sections, articles, titleLength, seed: cases++);

                    var payloads = builder.Build(digest, Webhook);

                    var packed = builder.Sections(digest, Webhook);
                    var label = $"{sections} sections x {articles} articles, titles ~{titleLength}";
                    foreach (var payload in payloads)
                    {
                        var json = JsonSerializer.SerializeToNode(payload);
                        Assert.Empty(DiscordPayloadRules.Check(json));
                        var urls = payload.Embeds.Where(e => e.Url is not null).Select(e => e.Url).ToList();
                        Assert.Equal(urls.Count, urls.Distinct().Count());
                    }

                    Assert.True(payloads.Count >= DiscordPacker.LowerBound(packed), label);
                    Assert.Equal(ReferencePacking.MinimumMessages(packed), payloads.Count);
                    AssertEveryArticleOnce(digest, payloads, label);
                }
            }
        }
    }

    [Fact]
    public void Pack_randomSections_matchesTheExhaustiveMinimum()
    {
        var random = new Random(11);
        for (var run = 0; run < 300; run++)
        {
            var sections = Enumerable.Range(0, random.Next(1, 30)).Select(i => new DiscordSection(
                "T" + new string('t', random.Next(0, 255)),
                $"https://example.org/{i}",
                Enumerable.Range(0, random.Next(1, 40)).Select(_ => new string('x', random.Next(1, 1500))).ToList(),
                random.Next(3) == 0 ? null : new string('f', random.Next(1, 2048)),
                null,
                null)).ToList();

            var messages = DiscordPacker.Pack(sections);

            Assert.Equal(ReferencePacking.MinimumMessages(sections), messages.Count);
            Assert.True(messages.Count >= DiscordPacker.LowerBound(sections));
            foreach (var embeds in messages)
            {
                Assert.InRange(embeds.Count, 1, DiscordLimits.EmbedsPerMessage);
                Assert.InRange(embeds.Sum(e => e.Characters()), 1, DiscordLimits.EmbedCharactersPerMessage);
                Assert.All(embeds, e => Assert.InRange(e.Description?.Length ?? 0, 0, DiscordLimits.Description));
            }

            var sent = messages.SelectMany(m => m).Where(e => e.Description is not null).Sum(e => e.Description!.Split('\n').Length);
            Assert.Equal(sections.Sum(s => s.Lines.Count), sent);
        }
    }

    [Fact]
    public void Pack_sectionLongerThanOneEmbed_continuesUnderSameTitleWithFooterOnLastPart()
    {
        var section = new DiscordSection("Space", "https://example.org/lead", Enumerable.Range(0, 30).Select(i => $"• story {i} " + new string('x', 300)).ToList(), "Sources: A", 1, TestDigests.Slot);

        var messages = DiscordPacker.Pack([section]);

        var embeds = messages.SelectMany(m => m).ToList();
        Assert.True(embeds.Count > 1);
        Assert.All(embeds, e => Assert.Equal("Space", e.Title));
        Assert.Equal("https://example.org/lead", embeds[0].Url);
        Assert.All(embeds.Skip(1), e => Assert.Null(e.Url));
        Assert.All(embeds.SkipLast(1), e => Assert.Null(e.Footer));
        Assert.Equal("Sources: A", embeds[^1].Footer?.Text);
        Assert.Equal(TestDigests.Slot, embeds[^1].Timestamp);
    }

    [Fact]
    public void MergeSameUrl_twoSectionsSharingAUrl_becomeOneEmbed()
    {
        var a = new DiscordSection("A", "https://example.org/same", ["one"], "Sources: X", null, null);
        var b = new DiscordSection("B", "https://example.org/same", ["two"], "Sources: Y", null, null);
        var c = new DiscordSection("C", "https://example.org/other", ["three"], "Sources: X", null, null);

        var merged = DiscordMessageBuilder.MergeSameUrl([a, b, c]);

        Assert.Equal(2, merged.Count);
        Assert.Equal(["one", "two"], merged[0].Lines);
        Assert.Equal("Sources: X, Sources: Y", merged[0].Footer);
        Assert.Equal("C", merged[1].Title);
    }

    private static void AssertEveryArticleOnce(DigestBot.Model.Digest digest, IReadOnlyList<DiscordPayload> payloads, string label)
    {
        var counts = payloads.SelectMany(p => p.Embeds)
            .SelectMany(e => Regex.Matches(e.Description ?? "", @"\]\((https?://[^)\s]+)\)").Select(m => m.Groups[1].Value))
            .CountBy(link => link)
            .ToDictionary(c => c.Key, c => c.Value);
        foreach (var item in digest.Sections.SelectMany(s => s.Items))
        {
            var count = counts.GetValueOrDefault(DiscordText.LinkTarget(item.Article.Link)!);
            Assert.True(count == 1, $"{label}: {item.Article.Link} appears {count} times");
        }
    }
}
