using System.Net;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Web.Status;

/// <summary>appsettings.json edited while the worker runs: a good edit shows on the status page at once, a bad one is refused.</summary>
public sealed class StatusHotReloadTests
{
    private static readonly TimeSpan ReloadTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task CronEdited_whileRunning_statusShowsNewScheduleWithoutRestart()
    {
        await using var app = TestApp.Create(c => c["Digests"]!["daily"]!["TimeZone"] = "UTC");
        await WorkerHost.StartAsync(app);
        Assert.Equal("0 0 7 * * ?", WorkerHost.Digest(await WorkerHost.StatusJsonAsync(app), "daily")["cron"]!.GetValue<string>());

        app.Config["Digests"]!["daily"]!["Cron"] = "0 30 18 * * ?";
        app.WriteConfig();
        var daily = await WaitForCronAsync(app, "0 30 18 * * ?");

        var next = daily["nextFireUtc"]!.GetValue<DateTimeOffset>();
        Assert.Equal((18, 30), (next.Hour, next.Minute));
    }

    [Fact]
    public async Task InvalidCronEdited_whileRunning_rejectedWithErrorAndPreviousScheduleKept()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = TestApp.Create(c => c["Digests"]!["daily"]!["TimeZone"] = "UTC");
        await WorkerHost.StartAsync(app, logs);
        var before = WorkerHost.Digest(await WorkerHost.StatusJsonAsync(app), "daily")["nextFireUtc"]!.GetValue<DateTimeOffset>();

        app.Config["Digests"]!["daily"]!["Cron"] = "every morning";
        app.WriteConfig();
        var rejected = await logs.WaitForAsync(e => e.EventId.Id == 1010, ReloadTimeout);

        Assert.Equal(LogLevel.Error, rejected.Level);
        Assert.Contains("Digests:daily:Cron: 'every morning' is not a valid Quartz cron expression", rejected.Message, StringComparison.Ordinal);
        var daily = WorkerHost.Digest(await WorkerHost.StatusJsonAsync(app), "daily");
        Assert.Equal("0 0 7 * * ?", daily["cron"]!.GetValue<string>());
        Assert.Equal(before, daily["nextFireUtc"]!.GetValue<DateTimeOffset>());
        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(WorkerHost.BaseAddress(app), "health"))).StatusCode);

        // The worker still follows the file: fixing it applies the new schedule.
        app.Config["Digests"]!["daily"]!["Cron"] = "0 15 9 * * ?";
        app.WriteConfig();
        await WaitForCronAsync(app, "0 15 9 * * ?");
    }

    [Fact]
    public async Task NeverFiringCronEdited_whileRunning_rejectedAndPreviousScheduleKept()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = TestApp.Create();
        await WorkerHost.StartAsync(app, logs);

        app.Config["Digests"]!["daily"]!["Cron"] = "0 0 7 30 2 ?";
        app.WriteConfig();
        var rejected = await logs.WaitForAsync(e => e.EventId.Id == 1010, ReloadTimeout);

        Assert.Contains("never fires", rejected.Message, StringComparison.Ordinal);
        var daily = WorkerHost.Digest(await WorkerHost.StatusJsonAsync(app), "daily");
        Assert.Equal("0 0 7 * * ?", daily["cron"]!.GetValue<string>());
        Assert.True(daily["scheduled"]!.GetValue<bool>());
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> WaitForCronAsync(TestApp app, string cron)
    {
        var deadline = DateTime.UtcNow + ReloadTimeout;
        while (true)
        {
            var daily = WorkerHost.Digest(await WorkerHost.StatusJsonAsync(app), "daily");
            if (daily["cron"]!.GetValue<string>() == cron)
            {
                return daily;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The status page still shows '{daily["cron"]}' instead of '{cron}'.");
            await Task.Delay(100);
        }
    }
}
