using System.Text.Json.Nodes;
using DigestBot.Render.Discord;
using DigestBot.Tests.Render.Discord;

namespace DigestBot.Tests.Deliver.Discord;

/// <summary>Destinations end to end against the fake Discord: dead webhooks, bot channels, forum threads, re-runs.</summary>
public sealed class DiscordDeliveryTests
{
    [Fact]
    public async Task DeliverAsync_deadWebhook_disabledWhileOthersStillReceive()
    {
        string alive = "", dead = "", wrongToken = "";
        await using var harness = await DiscordHarness.StartAsync((server, d) =>
        {
            d["alive"] = new JsonObject { ["WebhookUrl"] = alive = server.CreateWebhook("alive") };
            d["dead"] = new JsonObject { ["WebhookUrl"] = dead = server.UnknownWebhook() };
            var real = server.CreateWebhook("other");
            d["token"] = new JsonObject { ["WebhookUrl"] = wrongToken = real.Replace("other-token", "wrong-token", StringComparison.Ordinal) };
            d["bot"] = new JsonObject { ["ChannelId"] = "777" };
        });
        string[] all = ["dead", "token", "alive", "bot"];

        var first = await harness.RunAsync(() => harness.Delivery.DeliverAsync(TestDigests.Create(3, 2), all));

        Assert.Equal((2, 2), (first.Sent, first.Failed));
        Assert.Single(harness.RequestsTo(alive));
        Assert.Single(harness.RequestsTo("channel:777"));
        var deadState = await harness.Ledger.StateAsync("dead");
        Assert.Equal(("disabled", 404, 10015), (deadState!.Status, deadState.HttpStatus, deadState.ErrorCode));
        var tokenState = await harness.Ledger.StateAsync("token");
        Assert.Equal(("disabled", 401, 50027), (tokenState!.Status, tokenState.HttpStatus, tokenState.ErrorCode));
        Assert.Contains(harness.Logs.Entries, e => e.EventId.Id == 6003 && e.Message.Contains("dead", StringComparison.Ordinal) && e.Message.Contains("10015", StringComparison.Ordinal));

        var next = TestDigests.Create(3, 2) with { EditionId = "daily@20261126T070000Z" };
        var second = await harness.RunAsync(() => harness.Delivery.DeliverAsync(next, all));

        Assert.Equal((2, 0, 2), (second.Sent, second.Failed, second.Skipped));
        Assert.Single(harness.RequestsTo(dead));
        Assert.Single(harness.RequestsTo(wrongToken));
        Assert.Equal(2, harness.RequestsTo(alive).Count);
    }

    [Fact]
    public async Task DeliverAsync_botChannel_postsWithBotTokenAndNoWebhookFields()
    {
        await using var harness = await DiscordHarness.StartAsync((_, d) =>
            d["bot"] = new JsonObject { ["ChannelId"] = "777", ["Username"] = "Ignored", ["MentionRoleId"] = "42" });

        var result = await harness.RunAsync(() => harness.Delivery.DeliverAsync(TestDigests.Create(12, 1), ["bot"]));

        Assert.Equal(2, result.Sent);
        var messages = harness.Server.MessagesFor("channel:777");
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m =>
        {
            Assert.Null(m.Body["username"]);
            Assert.Equal(25, m.Body["nonce"]!.GetValue<string>().Length);
            Assert.Equal(["42"], m.Body["allowed_mentions"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
            Assert.Empty(m.Body["allowed_mentions"]!["parse"]!.AsArray());
        });
        Assert.StartsWith("<@&42>", messages[0].Body["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var posted = await harness.Ledger.PostedPartsAsync(TestDigests.Create(1, 1).EditionId, "bot");
        Assert.Equal(messages.Select(m => m.Id).Order(), posted.Values.Select(p => p.MessageId).Order());
    }

    [Fact]
    public async Task DeliverAsync_forbiddenBotChannel_disabledWith403()
    {
        await using var harness = await DiscordHarness.StartAsync((_, d) => d["bot"] = new JsonObject { ["ChannelId"] = "13" });
        harness.Server.ForbiddenChannels["13"] = 0;

        var result = await harness.RunAsync(() => harness.Delivery.DeliverAsync(TestDigests.Create(1, 1), ["bot"]));

        Assert.Equal(1, result.Failed);
        Assert.Equal((403, 50001), ((await harness.Ledger.StateAsync("bot"))!.HttpStatus, (await harness.Ledger.StateAsync("bot"))!.ErrorCode));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DeliverAsync_forumThreadName_firstMessageCreatesThreadAndTheRestFollowIntoIt(bool webhook)
    {
        await using var harness = await DiscordHarness.StartAsync((server, d) =>
        {
            var destination = new JsonObject { ["ThreadName"] = "{title} {date}" };
            destination[webhook ? "WebhookUrl" : "ChannelId"] = webhook ? server.CreateWebhook("forum") : "900";
            d["forum"] = destination;
        });

        var result = await harness.RunAsync(() => harness.Delivery.DeliverAsync(TestDigests.Create(25, 1), ["forum"]));

        Assert.Equal(3, result.Sent);
        var messages = harness.Server.Messages.ToList();
        Assert.Equal(3, messages.Count);
        Assert.Equal("Test Daily 2026-11-25", messages[0].ThreadName);
        Assert.All(messages.Skip(1), m => Assert.Null(m.ThreadName));
        Assert.Single(messages.Select(m => m.ChannelId).Distinct());
        Assert.NotEqual("900", messages[0].ChannelId);
        if (webhook)
        {
            Assert.All(messages.Skip(1), m => Assert.Contains("thread_id=" + messages[0].ChannelId, m.Query, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task DeliverAsync_existingThreadId_postsIntoThatThread()
    {
        await using var harness = await DiscordHarness.StartAsync((server, d) =>
            d["thread"] = new JsonObject { ["WebhookUrl"] = server.CreateWebhook("thread"), ["ThreadId"] = "5550" });

        await harness.RunAsync(() => harness.Delivery.DeliverAsync(TestDigests.Create(1, 1), ["thread"]));

        var message = Assert.Single(harness.Server.Messages);
        Assert.Equal("?wait=true&thread_id=5550", message.Query);
        Assert.Equal("5550", message.ChannelId);
    }

    [Fact]
    public async Task DeliverAsync_rerun_postsNothingNewAndResumesWhereItFailed()
    {
        await using var harness = await DiscordHarness.StartAsync((server, d) =>
            d["news"] = new JsonObject { ["WebhookUrl"] = server.CreateWebhook("news") }, maxAttempts: 1);
        harness.Server.FailRequests[2] = 500;
        var digest = TestDigests.Create(25, 1);

        var first = await harness.RunAsync(() => harness.Delivery.DeliverAsync(digest, ["news"]));
        var second = await harness.RunAsync(() => harness.Delivery.DeliverAsync(digest, ["news"]));
        var third = await harness.RunAsync(() => harness.Delivery.DeliverAsync(digest, ["news"]));

        Assert.Equal((1, 1, 0), (first.Sent, first.Failed, first.Skipped));
        Assert.Equal((2, 0, 1), (second.Sent, second.Failed, second.Skipped));
        Assert.Equal((0, 0, 3), (third.Sent, third.Failed, third.Skipped));
        var titles = harness.Server.Messages.SelectMany(m => m.Body["embeds"]!.AsArray()).Select(e => e!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(25, titles.Count);
        Assert.Equal(digest.Sections.Select(s => DiscordText.Truncate(DiscordText.Escape(s.Title), DiscordLimits.Title)), titles);
    }

    [Fact]
    public async Task DescribeAsync_afterDeadWebhook_reportsItDisabledWithoutItsToken()
    {
        await using var harness = await DiscordHarness.StartAsync((server, d) =>
        {
            d["alive"] = new JsonObject { ["WebhookUrl"] = server.CreateWebhook("alive") };
            d["dead"] = new JsonObject { ["WebhookUrl"] = server.UnknownWebhook() };
            d["empty"] = new JsonObject();
        });
        await harness.RunAsync(() => harness.Delivery.DeliverAsync(TestDigests.Create(1, 1), ["alive", "dead"]));

        var lines = await DigestBot.Cli.DiscordStatusCommand.DescribeAsync(harness.Host.Services);

        Assert.Equal(3, lines.Count);
        Assert.StartsWith("alive: active, webhook ", lines[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("dead: DISABLED since ", lines[1].Text, StringComparison.Ordinal);
        Assert.Contains("10015", lines[1].Text, StringComparison.Ordinal);
        Assert.True(lines[1].Disabled);
        Assert.StartsWith("empty: outbox", lines[2].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Text.Contains("-token", StringComparison.Ordinal));
    }
}
