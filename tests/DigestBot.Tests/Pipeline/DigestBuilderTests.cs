using System.Text.Json.Nodes;
using DigestBot.Cli;
using DigestBot.Options;
using DigestBot.Pipeline;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Pipeline;

public sealed class DigestBuilderTests
{
    private const string Comet = "Comet heads for close pass by Mars next week";

    [Fact]
    public async Task BuildAsync_sameStoryFromSourcesOfTwoSections_showsItOnceInTheEarlierSectionAndFillsTheLaterOne()
    {
        var now = DateTimeOffset.UtcNow;
        await using var app = TestApp.Create(c =>
        {
            c["Sections"]!["space"]!["TopN"] = 3;
            c["Sections"]!["military"] = new JsonObject { ["Title"] = "Military Space News", ["TopN"] = 2 };
            c["Digests"]!["daily"]!["Sections"] = new JsonArray("space", "military");
        });
        // The story is the space feed's third item but the military feed's lead: the digest's section order decides, not the score.
        app.AddSource("orbital", "space", TestFeeds.Rss("Orbital", "https://orbital.example.org/",
            new TestItem("Rover finds ancient river delta in Jezero crater", "https://orbital.example.org/delta", now.AddHours(-1), "The rover drilled a sample."),
            new TestItem("Solar orbiter photographs the south pole of the sun", "https://orbital.example.org/pole", now.AddHours(-2), "First view of the pole."),
            new TestItem(Comet, "https://orbital.example.org/comet", now.AddHours(-6), "Astronomers expect a close pass.")));
        app.AddSource("defence", "military", TestFeeds.Rss("Defence Wire", "https://defence.example.org/",
            new TestItem(Comet, "https://defence.example.org/comet", now.AddHours(-1), "Orbiters will watch the comet go by."),
            new TestItem("Air force launches navigation satellite from Vandenberg", "https://defence.example.org/gps", now.AddHours(-2), "The satellite joins the constellation."),
            new TestItem("Army tests hypersonic glide vehicle over the Pacific", "https://defence.example.org/glide", now.AddHours(-3), "The test met its goals.")));
        await app.StartAsync();
        var builder = app.Get<DigestBuilder>();

        var digest = await builder.BuildAsync("daily", now, "daily@test");
        var explain = ExplainFormatter.Format(await builder.RankAsync("daily", "daily@explain"), app.Get<IOptions<CatalogOptions>>().Value);

        var items = digest.Sections.SelectMany(s => s.Items).ToList();
        var comet = Assert.Single(items, i => i.Article.Title == Comet);
        Assert.Equal("orbital", comet.Article.SourceId);
        Assert.Equal("defence", Assert.Single(comet.AlsoReportedBy).SourceId);
        Assert.Contains(comet.DuplicateArticleIds, id => items.All(i => i.Article.Id != id));
        var military = Assert.Single(digest.Sections, s => s.SectionId == "military");
        Assert.Equal(
            ["Air force launches navigation satellite from Vandenberg", "Army tests hypersonic glide vehicle over the Pacific"],
            military.Items.Select(i => i.Article.Title));
        Assert.Contains(
            $"left out: \"{Comet}\" [defence]: shown in space as \"{Comet}\" (same headline (title match 1.00))",
            explain, StringComparison.Ordinal);
        Assert.Contains($"same story: \"{Comet}\" [defence #0]: same headline", explain, StringComparison.Ordinal);
    }
}
