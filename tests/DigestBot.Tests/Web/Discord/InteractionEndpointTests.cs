using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigestBot.Model;
using DigestBot.Store;
using DigestBot.Tests.Support;
using DigestBot.Tests.Web.Archive;

namespace DigestBot.Tests.Web.Discord;

/// <summary>Slash commands over real HTTP: the worker's /discord/interactions endpoint, requests signed like Discord's,
/// deferred replies finished at the fake Discord.</summary>
public sealed class InteractionEndpointTests : IAsyncLifetime
{
    private readonly InteractionSigner signer = new();
    private FakeDiscordServer discord = null!;
    private ArchiveApp app = null!;

    private Uri Endpoint => app.At("discord/interactions");

    public async Task InitializeAsync()
    {
        discord = await FakeDiscordServer.StartAsync();
        app = await ArchiveApp.StartAsync(edit: c =>
        {
            c["Sections"]!["energy"] = new JsonObject { ["Title"] = "Energy News", ["TopN"] = 3 };
            c["Digests"]!["daily"]!["Sections"] = new JsonArray("space", "energy");
            c["Email"]!["Transport"] = "Outbox";
            c["Email"]!["OutboxPath"] = "outbox";
            c["Discord"]!["ApiBaseUrl"] = discord.ApiBase.AbsoluteUri;
            c["Discord"]!["Interactions"] = new JsonObject { ["PublicKey"] = signer.PublicKeyHex, ["ApplicationId"] = discord.Application.ApplicationId };
        });
        await app.SendAsync(DateTimeOffset.UtcNow.AddMinutes(-5), "Rocket reaches orbit", "Moon lander picks a site", "Probe wakes up @everyone");
    }

    public async Task DisposeAsync()
    {
        signer.Dispose();
        await app.DisposeAsync();
        await discord.DisposeAsync();
    }

    [Fact]
    public async Task Ping_signed_answersPong()
    {
        var (response, body, _) = await signer.SendAsync(Endpoint, new JsonObject { ["type"] = 1, ["id"] = "1", ["application_id"] = discord.Application.ApplicationId, ["token"] = "t" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, JsonNode.Parse(body)!["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task Interaction_badSignatureStaleTimestampOrReplay_refusedWith401()
    {
        var ping = new JsonObject { ["type"] = 1 };
        var tampered = await signer.SendAsync(Endpoint, ping, tamper: true);
        var missing = await signer.SendAsync(Endpoint, ping, headers: ("", ""));
        var stale = await signer.SendAsync(Endpoint, ping, signedAt: DateTimeOffset.UtcNow.AddMinutes(-6));
        var future = await signer.SendAsync(Endpoint, ping, signedAt: DateTimeOffset.UtcNow.AddMinutes(6));
        var headers = signer.Sign(ping, DateTimeOffset.UtcNow);
        var first = await signer.SendAsync(Endpoint, ping, headers: headers);
        var replay = await signer.SendAsync(Endpoint, ping, headers: headers);

        Assert.Equal(HttpStatusCode.Unauthorized, tampered.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, future.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.Response.StatusCode);
    }

    [Fact]
    public async Task Latest_command_ephemeralEmbedsWithinLimitsWithinThreeSeconds()
    {
        var (response, body, elapsed) = await signer.SendAsync(Endpoint, Command("u1", "latest"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"answered in {elapsed}");
        var reply = JsonNode.Parse(body)!;
        Assert.Equal(4, reply["type"]!.GetValue<int>());
        var data = reply["data"]!.AsObject();
        Assert.Equal(64, data["flags"]!.GetValue<int>());
        Assert.Empty(data["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Empty(DiscordPayloadRules.Check(data));
        Assert.Contains(app.At("archive/daily/").AbsoluteUri, data["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Rocket reaches orbit", data["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_unknownSection_helpfulEphemeralMessage()
    {
        var (_, body, _) = await signer.SendAsync(Endpoint, Command("u1", "latest", ("section", "sport")));

        var data = JsonNode.Parse(body)!["data"]!;
        Assert.Equal(64, data["flags"]!.GetValue<int>());
        Assert.Equal("There is no section \"sport\". Sections: space, energy.", data["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subscribe_newActiveOrInvalid_deferredSameReplyForEveryAddress()
    {
        await app.App.Get<SubscriberStore>().RequestOptInAsync(new Subscriber("active@example.org", null, [], [], SubscriberStatus.Pending));
        await app.App.Get<SubscriberStore>().ConfirmOptInAsync("active@example.org");

        var fresh = await signer.SendAsync(Endpoint, Command("u2", "subscribe", ("email", "New.Reader@example.org"), ("sections", "Space News")));
        var active = await signer.SendAsync(Endpoint, Command("u3", "subscribe", ("email", "active@example.org")));
        var invalid = await signer.SendAsync(Endpoint, Command("u4", "subscribe", ("email", "not an address")));

        Assert.All([fresh, active], r => Assert.Equal("""{"type":5,"data":{"flags":64}}""", r.Body));
        Assert.True(fresh.Elapsed < TimeSpan.FromSeconds(3));
        await Poll.UntilAsync(() => discord.Application.FollowUps.Count >= 2, TimeSpan.FromSeconds(20), "both deferred replies to be finished");
        var contents = discord.Application.FollowUps.Select(f => f.Body["content"]!.GetValue<string>()).ToList();
        Assert.Equal([DigestBot.Web.Discord.DigestCommands.SubscribeReply, DigestBot.Web.Discord.DigestCommands.SubscribeReply], contents);
        Assert.All(discord.Application.FollowUps, f => Assert.Empty(f.Body["allowed_mentions"]!["parse"]!.AsArray()));
        Assert.Equal(SubscriberStatus.Pending, (await app.App.Get<SubscriberStore>().FindAsync("new.reader@example.org"))!.Status);
        Assert.Equal(["space"], (await app.App.Get<SubscriberStore>().FindAsync("new.reader@example.org"))!.Sections);
        Assert.Single(Directory.GetFiles(Path.Combine(app.App.Root, "outbox", "confirmations"), "*.eml"));
        Assert.Equal(4, JsonNode.Parse(invalid.Body)!["type"]!.GetValue<int>());
        Assert.Contains("does not look like an email address", invalid.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_sixthInAMinuteFromOneUser_slowDownWhileOthersStillServed()
    {
        var replies = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            replies.Add((await signer.SendAsync(Endpoint, Command("busy", "sections"))).Body);
        }

        var other = await signer.SendAsync(Endpoint, Command("calm", "sections"));

        Assert.All(replies.Take(5), r => Assert.Contains("Space News", r, StringComparison.Ordinal));
        Assert.Contains("Slow down", replies[5], StringComparison.Ordinal);
        Assert.Equal(64, JsonNode.Parse(replies[5])!["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("Space News", other.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_storyOfTheLatestEdition_explainsItsScore()
    {
        var (_, body, elapsed) = await signer.SendAsync(Endpoint, Command("u5", "why", ("story", "moon lander")));

        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"answered in {elapsed}");
        var type = JsonNode.Parse(body)!["type"]!.GetValue<int>();
        var data = type == 4
            ? JsonNode.Parse(body)!["data"]!.AsObject()
            : await FollowUpAsync();
        Assert.Empty(DiscordPayloadRules.Check(data));
        var embed = data["embeds"]![0]!;
        Assert.Equal("Moon lander picks a site", embed["title"]!.GetValue<string>());
        Assert.Contains("recency", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("feed position", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<JsonObject> FollowUpAsync()
    {
        await Poll.UntilAsync(() => !discord.Application.FollowUps.IsEmpty, TimeSpan.FromSeconds(30), "the deferred reply to be finished");
        return discord.Application.FollowUps.First().Body;
    }

    private JsonObject Command(string user, string subcommand, params (string Name, string Value)[] options) =>
        InteractionSigner.Command(discord.Application.ApplicationId, discord.Application.IssueToken(), user, subcommand, options);
}
