using System.Text.Json.Nodes;
using DigestBot.Deliver.Discord;
using DigestBot.Tests.Support;
using DigestBot.Web.Discord;

namespace DigestBot.Tests.Cli;

/// <summary>The commands <c>discord register-commands</c> sends, checked against Discord's documented registration rules.</summary>
public sealed class RegisterCommandsTests
{
    [Fact]
    public void All_definitions_followDiscordsRegistrationRules()
    {
        Assert.Empty(DiscordCommandRules.Check(DigestCommandDefinitions.All()));
    }

    [Fact]
    public void Check_brokenDefinitions_areRefusedAsDiscordWould()
    {
        var command = DigestCommandDefinitions.All()[0]!.DeepClone().AsObject();
        command["name"] = "Digest";
        command["description"] = new string('d', 101);
        command["options"]!.AsArray().Add(new JsonObject { ["type"] = 1, ["name"] = "has space", ["description"] = "x" });

        var errors = DiscordCommandRules.Check(new JsonArray(command));

        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public async Task PutCommands_globalAndGuild_registeredAtTheFakeDiscord()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var app = await TestApp.Create(c => c["Discord"]!["ApiBaseUrl"] = discord.ApiBase.AbsoluteUri).StartAsync();
        var client = app.Get<DiscordInteractionClient>();

        var global = await client.PutCommandsAsync(discord.Application.ApplicationId, null, discord.BotToken, DigestCommandDefinitions.All());
        var guild = await client.PutCommandsAsync(discord.Application.ApplicationId, "42", discord.BotToken, DigestCommandDefinitions.All());
        var wrongToken = await client.PutCommandsAsync(discord.Application.ApplicationId, null, "nope", DigestCommandDefinitions.All());

        Assert.Equal(200, global.Status);
        Assert.Equal(200, guild.Status);
        Assert.Equal(401, wrongToken.Status);
        Assert.Equal(["latest", "sections", "subscribe", "why"], discord.Application.Commands["42"][0]!["options"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()));
        Assert.True(discord.Application.Commands.ContainsKey("global"));
    }
}
