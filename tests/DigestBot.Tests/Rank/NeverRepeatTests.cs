using System.Text.Json.Nodes;
using DigestBot.Hosting;
using DigestBot.Pipeline;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DigestBot.Tests.Rank;

/// <summary>Two and three editions of one digest through the real application and a temporary SQLite file.</summary>
public sealed class NeverRepeatTests
{
    private static readonly DateTimeOffset Day1 = TestArticles.Now;
    private static readonly DateTimeOffset Day2 = Day1.AddDays(1);

    private static readonly TestItem StaticFire = new(
        "Heavy-lift rocket completes first full-duration static fire", "https://ledger.example.org/static-fire", Day1.AddHours(-3),
        "Engineers held all nine engines at full thrust for 180 seconds on the coastal test stand. A maiden flight could follow in spring.");

    private static readonly TestItem Lander = new(
        "Lunar lander team picks a crater rim near the south pole", "https://ledger.example.org/lander", Day1.AddHours(-5),
        "The site gets sunlight for most of the lunar day.");

    private static readonly TestItem Weather = new(
        "Weather delays polar-orbit satellite launch", "https://wire.example.org/weather", Day1.AddHours(-2), "High winds pushed the launch to tomorrow.");

    private static readonly TestItem Crew = new(
        "Crew returns after six months aboard the orbital lab", "https://ledger.example.org/crew", Day2.AddHours(-1), "The capsule splashed down off the coast.");

    private static readonly TestItem RewordedStaticFire = new(
        "Nine-engine heavy-lift rocket finishes full-length static fire test", "https://wire.example.org/static-fire", Day2.AddHours(-2),
        "All nine engines ran at full thrust for 180 seconds on the coastal stand. A maiden flight could follow in spring.");

    [Fact]
    public async Task RunAsync_secondEdition_sendsNeitherSentArticlesNorRewordedReportsOfSentStories()
    {
        var clock = new FakeTimeProvider(Day1);
        await using var app = CreateApp("Skip");
        app.AddSource("ledger", "space", TestFeeds.Rss("Ledger", "https://ledger.example.org/", StaticFire, Lander));
        app.AddSource("wire", "space", TestFeeds.Rss("Wire", "https://wire.example.org/", Weather));
        await app.StartAsync(HostMode.Command, b => TestApp.UseClock(b, clock));
        var pipeline = app.Get<DigestPipeline>();

        var first = await pipeline.RunAsync("daily", Day1);

        Assert.Equal(EditionOutcomeStatus.Sent, first.Status);
        Assert.Equal(
            new[] { StaticFire.Title, Weather.Title, Lander.Title }.Order(StringComparer.Ordinal),
            first.Digest!.Sections.Single().Items.Select(i => i.Article.Title).Order(StringComparer.Ordinal));

        clock.SetUtcNow(Day2);
        await File.WriteAllTextAsync(Path.Combine(app.Root, "feeds", "ledger.xml"), TestFeeds.Rss("Ledger", "https://ledger.example.org/", Crew, StaticFire, Lander));
        await File.WriteAllTextAsync(Path.Combine(app.Root, "feeds", "wire.xml"), TestFeeds.Rss("Wire", "https://wire.example.org/", RewordedStaticFire, Weather));

        var second = await pipeline.RunAsync("daily", Day2);

        Assert.Equal(EditionOutcomeStatus.Sent, second.Status);
        Assert.Equal([Crew.Title], second.Digest!.Sections.Single().Items.Select(i => i.Article.Title));

        clock.SetUtcNow(Day2.AddDays(1));
        var third = await pipeline.RunAsync("daily", Day2.AddDays(1));

        Assert.Equal(EditionOutcomeStatus.Empty, third.Status);
    }

    [Theory]
    [InlineData("Skip", 1)]
    [InlineData("SaySo", 2)]
    public async Task BuildAsync_sectionWithNothingNew_isSkippedOrSaysSo(string behaviour, int sections)
    {
        var clock = new FakeTimeProvider(Day1);
        await using var app = CreateApp(behaviour);
        app.AddSource("ledger", "space", TestFeeds.Rss("Ledger", "https://ledger.example.org/", StaticFire));
        app.AddSource("wire", "energy", TestFeeds.Rss("Wire", "https://wire.example.org/", Weather));
        await app.StartAsync(HostMode.Command, b => TestApp.UseClock(b, clock));
        var pipeline = app.Get<DigestPipeline>();
        await pipeline.RunAsync("daily", Day1);
        clock.SetUtcNow(Day2);
        await File.WriteAllTextAsync(Path.Combine(app.Root, "feeds", "ledger.xml"), TestFeeds.Rss("Ledger", "https://ledger.example.org/", Crew, StaticFire));

        var second = await pipeline.RunAsync("daily", Day2);

        Assert.Equal(sections, second.Digest!.Sections.Count);
        Assert.Equal([Crew.Title], second.Digest.Sections.SelectMany(s => s.Items).Select(i => i.Article.Title));
        if (behaviour == "SaySo")
        {
            var empty = Assert.Single(second.Digest.Sections, s => s.Items.Count == 0);
            Assert.Equal("No new stories in Energy News since the last edition.", empty.Summary);
        }
    }

    private static TestApp CreateApp(string emptySections) => TestApp.Create(config =>
    {
        config["Sections"]!["energy"] = new JsonObject { ["Title"] = "Energy News", ["TopN"] = 5 };
        var digest = config["Digests"]!["daily"]!;
        digest["Sections"] = new JsonArray("space", "energy");
        digest["Email"] = false;
        digest["EmptySections"] = emptySections;
    });
}
