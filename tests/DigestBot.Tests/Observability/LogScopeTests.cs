using System.Text.Json.Nodes;
using DigestBot.Pipeline;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Observability;

public sealed class LogScopeTests
{
    [Fact]
    public async Task RunAsync_logsCarryDigestEditionAndSourceInScope()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var app = ObservedApp.Create(discord, c => c["Logging"]!["LogLevel"] = new JsonObject { ["Default"] = "Information" });
        await app.StartAsync(configure: b => b.Logging.AddProvider(logs));

        var outcome = await app.Get<DigestPipeline>().RunAsync("daily", DateTimeOffset.UtcNow);

        var fetchFailed = Assert.Single(logs.Entries, e => e.EventId.Id == 2001);
        Assert.Equal("daily", fetchFailed.Scope["DigestId"]);
        Assert.Equal(outcome.EditionId, fetchFailed.Scope["EditionId"]);
        Assert.Equal("broken", fetchFailed.Scope["SourceId"]);

        var stored = Assert.Single(logs.Entries, e => e.EventId.Id == 2002);
        Assert.Equal("wire", stored.Scope["SourceId"]);

        var completed = Assert.Single(logs.Entries, e => e.EventId.Id == 3003);
        Assert.Equal("daily", completed.Scope["DigestId"]);
        Assert.Equal(outcome.EditionId, completed.Scope["EditionId"]);
        Assert.False(completed.Scope.ContainsKey("SourceId"));
    }
}
