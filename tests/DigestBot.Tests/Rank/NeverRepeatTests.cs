using DigestBot.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static DigestBot.Tests.Rank.RankTestHost;

namespace DigestBot.Tests.Rank;

public sealed class NeverRepeatTests
{
    private static readonly DateTimeOffset Day1 = TestArticles.Now;

    private static readonly (string, string, string, DateTimeOffset) StaticFire =
        ("sf", "Heavy-lift rocket completes first full-duration static fire",
         "Engineers held all nine engines at full thrust for 180 seconds on the coastal test stand. A maiden flight could follow in spring.", Day1.AddHours(-3));

    private static readonly (string, string, string, DateTimeOffset) Lander =
        ("ll", "Lunar lander team picks a crater rim near the south pole", "The site gets sunlight for most of the lunar day.", Day1.AddHours(-5));

    private static readonly (string, string, string, DateTimeOffset) Weather =
        ("wd", "Weather delays polar-orbit satellite launch", "High winds pushed the launch to tomorrow.", Day1.AddHours(-2));

    [Fact]
    public async Task RunAsync_secondEdition_sendsNeitherSentArticlesNorRewordedReportsOfSentStories()
    {
        await using var host = await StartAsync("Skip", ("ledger", "space", Rss("Ledger", StaticFire, Lander)), ("wire", "space", Rss("Wire", Weather)));
        var pipeline = host.App.Services.GetRequiredService<DigestPipeline>();

        var first = await pipeline.RunAsync("daily", Day1);

        Assert.Equal("sent", first.Status);
        Assert.Equal(
            new[] { StaticFire.Item2, Weather.Item2, Lander.Item2 }.Order(StringComparer.Ordinal),
            first.Digest!.Sections.Single().Items.Select(i => i.Article.Title).Order(StringComparer.Ordinal));

        var day2 = Day1.AddDays(1);
        host.Clock.SetUtcNow(day2);
        var crew = ("cr", "Crew returns after six months aboard the orbital lab", "The capsule splashed down off the coast.", day2.AddHours(-1));
        var reworded = ("sf2", "Nine-engine heavy-lift rocket finishes full-length static fire test",
            "All nine engines ran at full thrust for 180 seconds on the coastal stand. A maiden flight could follow in spring.", day2.AddHours(-2));
        await host.WriteFeedAsync("ledger", Rss("Ledger", crew, StaticFire, Lander));
        await host.WriteFeedAsync("wire", Rss("Wire", reworded, Weather));

        var second = await pipeline.RunAsync("daily", day2);

        Assert.Equal("sent", second.Status);
        Assert.Equal([crew.Item2], second.Digest!.Sections.Single().Items.Select(i => i.Article.Title));

        var day3 = day2.AddDays(1);
        host.Clock.SetUtcNow(day3);
        var third = await pipeline.RunAsync("daily", day3);

        Assert.Equal("empty", third.Status);
    }

    [Theory]
    [InlineData("Skip", 1)]
    [InlineData("SaySo", 2)]
    public async Task BuildAsync_sectionWithNothingNew_isSkippedOrSaysSo(string behaviour, int sections)
    {
        await using var host = await StartAsync(behaviour, ("ledger", "space", Rss("Ledger", StaticFire)), ("wire", "energy", Rss("Wire", Weather)));
        var pipeline = host.App.Services.GetRequiredService<DigestPipeline>();
        await pipeline.RunAsync("daily", Day1);
        var day2 = Day1.AddDays(1);
        host.Clock.SetUtcNow(day2);
        var crew = ("cr", "Crew returns after six months aboard the orbital lab", "The capsule splashed down off the coast.", day2.AddHours(-1));
        await host.WriteFeedAsync("ledger", Rss("Ledger", crew, StaticFire));

        var second = await pipeline.RunAsync("daily", day2);

        Assert.Equal(sections, second.Digest!.Sections.Count);
        Assert.Equal([crew.Item2], second.Digest.Sections.SelectMany(s => s.Items).Select(i => i.Article.Title));
        if (behaviour == "SaySo")
        {
            var empty = Assert.Single(second.Digest.Sections, s => s.Items.Count == 0);
            Assert.Equal("No new stories in Section energy since the last edition.", empty.Summary);
        }
    }
}
