using System.Text.Json.Nodes;
using DigestBot.Tests.Render.Discord;

namespace DigestBot.Tests.Deliver.Discord;

/// <summary>Discord's rate limits honoured on a fake clock: 429 retry_after, exhausted buckets, 5xx backoff, 400 final.</summary>
public sealed class DiscordRateLimitTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DeliverAsync_429_waitsRetryAfterThenPosts(bool global)
    {
        string url = "";
        await using var harness = await DiscordHarness.StartAsync((server, d) =>
            d["news"] = new JsonObject { ["WebhookUrl"] = url = server.CreateWebhook("news") });
        harness.Server.RateLimitNext(5.0, global);

        var result = await harness.RunAsync(() => harness.Delivery.DeliverAsync(TestDigests.Create(2, 2), ["news"]));

        Assert.Equal(1, result.Sent);
        Assert.Equal(0, result.Failed);
        var requests = harness.RequestsTo(url);
        Assert.Equal([429, 200], requests.Select(r => r.Status));
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(5), $"retried after {(requests[1].At - requests[0].At).TotalSeconds} s");
        Assert.Single(harness.Server.MessagesFor(new Uri(url).AbsolutePath["/api/webhooks/".Length..]));
    }

    [Fact]
    public async Task DeliverAsync_bucketExhausted_waitsForResetInsteadOfHitting429()
    {
        string url = "";
        await using var harness = await DiscordHarness.StartAsync((server, d) =>
            d["news"] = new JsonObject { ["WebhookUrl"] = url = server.CreateWebhook("news") });
        harness.Server.BucketLimit = 2;
        harness.Server.BucketWindow = TimeSpan.FromSeconds(4);

        // 35 sections need 4 messages (10 embeds each at most).
        var result = await harness.RunAsync(() => harness.Delivery.DeliverAsync(TestDigests.Create(35, 1), ["news"]));

        Assert.Equal(4, result.Sent);
        var requests = harness.RequestsTo(url);
        Assert.All(requests, r => Assert.Equal(200, r.Status));
        Assert.Equal(4, requests.Count);
        Assert.True(requests[2].At - requests[0].At >= TimeSpan.FromSeconds(4), "third message sent before the bucket reset");
    }

    [Fact]
    public async Task DeliverAsync_serverErrors_retriedWithGrowingBackoff()
    {
        string url = "";
        await using var harness = await DiscordHarness.StartAsync((server, d) =>
            d["news"] = new JsonObject { ["WebhookUrl"] = url = server.CreateWebhook("news") });
        harness.Server.FailNext(502);
        harness.Server.FailNext(503);

        var result = await harness.RunAsync(() => harness.Delivery.DeliverAsync(TestDigests.Create(1, 1), ["news"]));

        Assert.Equal(1, result.Sent);
        var requests = harness.RequestsTo(url);
        Assert.Equal([502, 503, 200], requests.Select(r => r.Status));
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(1));
        Assert.True(requests[2].At - requests[1].At >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task DeliverAsync_400_loggedWithDiscordsErrorAndNotRetried()
    {
        string url = "";
        await using var harness = await DiscordHarness.StartAsync((server, d) =>
            d["news"] = new JsonObject { ["WebhookUrl"] = url = server.CreateWebhook("news") });
        harness.Server.FailRequests[1] = 400;

        var result = await harness.RunAsync(() => harness.Delivery.DeliverAsync(TestDigests.Create(1, 1), ["news"]));

        Assert.Equal(0, result.Sent);
        Assert.Equal(1, result.Failed);
        Assert.Single(harness.RequestsTo(url));
        Assert.Contains(harness.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("50035", StringComparison.Ordinal) && e.Message.Contains("Invalid Form Body", StringComparison.Ordinal));
        Assert.Null(await harness.Ledger.StateAsync("news"));
    }

    [Fact]
    public async Task DeliverAsync_429OnEveryAttempt_givesUpAndTheNextRunPosts()
    {
        string url = "";
        await using var harness = await DiscordHarness.StartAsync((server, d) =>
            d["news"] = new JsonObject { ["WebhookUrl"] = url = server.CreateWebhook("news") }, maxAttempts: 2);
        harness.Server.RateLimitNext(1);
        harness.Server.RateLimitNext(1);
        var digest = TestDigests.Create(1, 1);

        var first = await harness.RunAsync(() => harness.Delivery.DeliverAsync(digest, ["news"]));
        var second = await harness.RunAsync(() => harness.Delivery.DeliverAsync(digest, ["news"]));

        Assert.Equal((0, 1), (first.Sent, first.Failed));
        Assert.Equal((1, 0), (second.Sent, second.Failed));
        Assert.Equal([429, 429, 200], harness.RequestsTo(url).Select(r => r.Status));
    }
}
