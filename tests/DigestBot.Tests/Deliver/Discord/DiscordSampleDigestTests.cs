using System.Text.Json.Nodes;
using DigestBot.Options;
using DigestBot.Pipeline;
using DigestBot.Render.Discord;
using DigestBot.Tests.Render.Discord;
using DigestBot.Tests.Support;
using Xunit.Abstractions;

namespace DigestBot.Tests.Deliver.Discord;

/// <summary>send-now's path on the bundled samples: the repository's sections, sources and digest, posted to the fake Discord.</summary>
public sealed class DiscordSampleDigestTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunAsync_bundledSamples_postsTheMinimumNumberOfMessages()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "appsettings.json")))!;
        await using var app = TestApp.Create(c =>
        {
            c["Sections"] = settings["Sections"]!.DeepClone();
            c["Sources"] = settings["Sources"]!.DeepClone();
            foreach (var (_, source) in c["Sources"]!.AsObject())
            {
                source!["Url"] = Path.Combine(TestPaths.RepoRoot, source["Url"]!.GetValue<string>());
            }

            c["Digests"] = settings["Digests"]!.DeepClone();
            c["Digests"]!["daily"]!["Email"] = false;
            c["Discord"] = settings["Discord"]!.DeepClone();
            c["Discord"]!["Destinations"]!["community"]!["WebhookUrl"] = discord.CreateWebhook("community");
        });
        await app.StartAsync();

        var outcome = await app.Get<DigestPipeline>().RunAsync("daily", DateTimeOffset.UtcNow);

        var destination = app.Get<Microsoft.Extensions.Options.IOptions<DiscordOptions>>().Value.Destinations["community"];
        var sections = app.Get<DiscordMessageBuilder>().Sections(outcome.Digest!, destination);
        var minimum = DiscordPacker.LowerBound(sections);
        var compact = app.Get<DiscordMessageBuilder>().Build(outcome.Digest!, new DiscordDestinationOptions { WebhookUrl = destination.WebhookUrl, Layout = DiscordLayout.Compact }).Count;
        output.WriteLine($"Sample digest: {outcome.Digest!.ArticleCount} articles in {sections.Count} sections -> {discord.Messages.Count} message(s); lower bound {minimum}; compact layout {compact}");
        Assert.Equal(EditionOutcomeStatus.Sent, outcome.Status);
        Assert.True(outcome.Digest.ArticleCount >= 10, $"only {outcome.Digest.ArticleCount} sample articles were chosen");
        Assert.Equal(minimum, discord.Messages.Count);
        Assert.Empty(discord.Rejections);
        var embeds = discord.Messages.SelectMany(m => m.Body["embeds"]!.AsArray()).ToList();
        Assert.Equal(sections.Count, embeds.Count);
        Assert.All(embeds, e => Assert.Equal(0x0B3D91, e!["color"]!.GetValue<int>()));
        Assert.All(discord.Messages, m => Assert.Equal("DigestBot", m.Body["username"]!.GetValue<string>()));
    }

    [Fact]
    public void Build_largeSyntheticDigest_usesTheMinimumNumberOfMessages()
    {
        var builder = new DiscordMessageBuilder();
        var destination = new DiscordDestinationOptions { WebhookUrl = "https://discord.test/api/webhooks/1/t" };
        var digest = TestDigests.Create(sections: 40, articles: 60, titleLength: 180, seed: 2026);

        var payloads = builder.Build(digest, destination);

        var sections = builder.Sections(digest, destination);
        var lowerBound = DiscordPacker.LowerBound(sections);
        var optimum = ReferencePacking.MinimumMessages(sections);
        var compact = builder.Build(digest, new DiscordDestinationOptions { WebhookUrl = destination.WebhookUrl, Layout = DiscordLayout.Compact }).Count;
        output.WriteLine($"Synthetic digest: {digest.ArticleCount} articles in {sections.Count} sections -> {payloads.Count} messages; exhaustive minimum {optimum}, lower bound {lowerBound}; compact layout {compact} messages");
        Assert.Equal(optimum, payloads.Count);
        Assert.InRange(payloads.Count, lowerBound, lowerBound + (lowerBound / 10) + 1);
        Assert.All(payloads, p => Assert.Empty(DiscordPayloadRules.Check(System.Text.Json.JsonSerializer.SerializeToNode(p))));
    }
}
