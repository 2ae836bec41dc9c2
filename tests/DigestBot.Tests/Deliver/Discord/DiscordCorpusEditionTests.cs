using System.Text.Json;
using DigestBot.Fetch;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Rank;
using DigestBot.Render.Discord;
using DigestBot.Summarize;
using DigestBot.Tests.Fetch.Corpus;
using DigestBot.Tests.Render.Discord;
using DigestBot.Tests.Support;
using Xunit.Abstractions;

namespace DigestBot.Tests.Deliver.Discord;

/// <summary>A big edition made of every real corpus feed (8 sections of 25 stories), posted with each layout: every
/// message within Discord's limits, and no more messages than the exhaustive minimum for embeds.</summary>
public sealed class DiscordCorpusEditionTests(ITestOutputHelper output)
{
    private static readonly string[] RealFeedFolders = ["codehollow-feedreader", "feed-rs", "sismics-reader"];
    private static readonly string[] SectionIds = ["world", "science", "culture", "tech", "business", "sport", "travel", "local"];

    [SkippableFact]
    public void Build_bigCorpusEdition_embedsUseTheMinimumNumberOfMessages()
    {
        Skip.If(TestPaths.CorpusRoot is null, TestPaths.CorpusMissingMessage);
        var digest = CorpusDigest();
        var builder = new DiscordMessageBuilder();
        var destination = new DiscordDestinationOptions { WebhookUrl = "https://discord.test/api/webhooks/1/t" };

        var payloads = builder.Build(digest, destination);

        var optimum = ReferencePacking.MinimumMessages(builder.Sections(digest, destination));
        var compact = builder.Build(digest, new DiscordDestinationOptions { WebhookUrl = destination.WebhookUrl, Layout = DiscordLayout.Compact });
        output.WriteLine($"Corpus edition: {digest.ArticleCount} stories in {digest.Sections.Count} sections -> {payloads.Count} messages (embeds), exhaustive minimum {optimum}; {compact.Count} messages (compact)");
        Assert.True(digest.ArticleCount >= 150, $"only {digest.ArticleCount} stories");
        Assert.Equal(optimum, payloads.Count);
        Assert.All(payloads.Concat(compact), p => Assert.Empty(DiscordPayloadRules.Check(JsonSerializer.SerializeToNode(p))));
    }

    internal static Digest CorpusDigest()
    {
        var feeds = RealFeedFolders.SelectMany(CorpusFiles.Inputs)
            .Select(path => (Path: path, CorpusFiles.Parse(path).Feed))
            .Where(f => f.Feed is { Entries.Count: > 0 })
            .ToList();
        var articles = new List<Article>();
        for (var i = 0; i < feeds.Count; i++)
        {
            var source = new FeedSource(CorpusFiles.Relative(feeds[i].Path), new Uri(feeds[i].Path), SectionIds[i % SectionIds.Length], null, 1.0);
            articles.AddRange(ArticleMapper.ToArticles(feeds[i].Feed!, source, TestDigests.Slot));
        }

        var now = articles.Max(a => a.Published);
        var policy = new RankingPolicy(TimeSpan.FromHours(12), 25, articles.Select(a => a.SourceId).Distinct().ToDictionary(s => s, _ => 1.0), new Dictionary<string, double>(), []);
        var ranker = new ArticleRanker();
        var summarizer = new Summarizer();
        var rankings = SectionIds.Select(id => ranker.Rank(id, articles.Where(a => a.SectionId == id), policy, [], now)).ToList();
        var sections = CrossSectionStories.ShowOnce(rankings)
            .Select(r => summarizer.Section(r, char.ToUpperInvariant(r.SectionId[0]) + r.SectionId[1..] + " News", EmptySectionBehavior.Skip))
            .OfType<SectionDigest>()
            .ToList();
        return new Digest("corpus", "Corpus Daily", "corpus@20261125T070000Z", TestDigests.Slot, TestDigests.Slot, sections)
        {
            ArchiveUrl = "https://digest.example.org/archive/corpus/2026-11-25",
        };
    }
}
