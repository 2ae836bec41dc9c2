using System.Text.Json.Nodes;
using DigestBot.Deliver.Discord;
using DigestBot.Hosting;
using DigestBot.Store;
using DigestBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Deliver.Discord;

/// <summary>The real application (SQLite store, typed Discord client) on a fake clock, posting to a fake Discord server
/// that shares the clock, so rate-limit waits take no real time and can be measured exactly.</summary>
public sealed class DiscordHarness : IAsyncDisposable
{
    private DiscordHarness(SteppingClock clock, FakeDiscordServer server)
    {
        Clock = clock;
        Server = server;
    }

    public SteppingClock Clock { get; }

    public FakeDiscordServer Server { get; }

    public CapturedLogs Logs { get; } = new();

    public TestApp App { get; private set; } = null!;

    public IHost Host { get; private set; } = null!;

    public DiscordDelivery Delivery => Host.Services.GetRequiredService<DiscordDelivery>();

    public DiscordLedger Ledger => Host.Services.GetRequiredService<DiscordLedger>();

    /// <summary>Starts the server and the app; <paramref name="destinations"/> adds destinations to the Discord section.</summary>
    public static async Task<DiscordHarness> StartAsync(Action<FakeDiscordServer, JsonObject> destinations, int maxAttempts = 6)
    {
        var clock = new SteppingClock(new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero));
        var server = await FakeDiscordServer.StartAsync(clock);
        var harness = new DiscordHarness(clock, server);
        harness.App = TestApp.Create(c =>
        {
            var discord = c["Discord"]!.AsObject();
            discord["ApiBaseUrl"] = server.ApiBase.AbsoluteUri;
            discord["BotToken"] = server.BotToken;
            discord["MaxAttempts"] = maxAttempts;
            discord["RetryBackoff"] = "00:00:01";
            destinations(server, discord["Destinations"]!.AsObject());
        });
        // The real host and store, without compiling the email templates the Discord tests never use.
        harness.Host = DigestBotHost.Build([], HostMode.Command, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(harness.Logs);
            builder.Services.AddSingleton<TimeProvider>(clock);
        }, harness.App.Root);
        ConfigurationErrors.ValidateAll(harness.Host.Services);
        await harness.Host.Services.GetRequiredService<Migrator>().MigrateAsync();
        return harness;
    }

    /// <summary>Runs <paramref name="work"/>, moving the fake clock to each waiting timer's due time as it comes.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        var task = work();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(5));
            if (Clock.NextDue is { } due)
            {
                var now = Clock.GetUtcNow();
                Clock.Advance(due > now ? due - now : TimeSpan.Zero);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Discord delivery did not finish within 60 s of real time.");
            }
        }

        return await task;
    }

    /// <summary>Fake-clock times of the requests that reached <paramref name="target"/> (a webhook URL or "channel:ID").</summary>
    public IReadOnlyList<(int Status, DateTimeOffset At)> RequestsTo(string target)
    {
        var key = target.StartsWith("channel:", StringComparison.Ordinal) ? target : new Uri(target).AbsolutePath["/api/webhooks/".Length..];
        return Server.Requests.Where(r => r.Target == key).Select(r => (r.Status, r.At)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await App.DisposeAsync();
        await Server.DisposeAsync();
    }
}
