using Dapper;
using DigestBot.Editions;
using DigestBot.Hosting;
using DigestBot.Scheduling;
using DigestBot.Store;
using DigestBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace DigestBot.Tests.Scheduling;

/// <summary>The worker's real Quartz scheduler, driven by a fake clock: cron in the digest's time zone, across DST changes.</summary>
public sealed class DigestScheduleTests
{
    // Europe/London leaves summer time on 25 Oct 2026 and enters it on 29 Mar 2026: 07:00 local is 06:00Z in summer, 07:00Z in winter.
    [Theory]
    [InlineData("2026-10-23T12:00:00Z", "2026-10-24T06:00:00Z")]
    [InlineData("2026-10-24T12:00:00Z", "2026-10-25T07:00:00Z")]
    [InlineData("2026-03-28T12:00:00Z", "2026-03-29T06:00:00Z")]
    public async Task Start_londonMorningCron_nextFireFollowsDaylightSaving(string now, string expectedUtc)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        await using var app = await StartWorkerAsync(clock);

        var next = await NextFireAsync(app, "daily");

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public async Task FakeClockPassesFireTime_jobRunsForTheScheduledSlot()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero));
        await using var app = await StartWorkerAsync(clock);
        var slot = new DateTimeOffset(2026, 10, 25, 7, 0, 0, TimeSpan.Zero);

        clock.Advance(TimeSpan.FromHours(19) + TimeSpan.FromSeconds(1));

        var database = app.Get<Database>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        string? status = null;
        while (DateTime.UtcNow < deadline && status is null or "claimed" or "delivering")
        {
            await Task.Delay(100);
            await using var connection = await database.OpenAsync();
            status = await connection.ExecuteScalarAsync<string?>(
                "SELECT status FROM editions WHERE id = @id", new { id = EditionStore.EditionIdFor("daily", slot) });
        }

        Assert.Equal("sent", status);
    }

    [Fact]
    public async Task ConfigEdited_cronChanges_rescheduledWithoutRestart()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        await using var app = await StartWorkerAsync(clock);

        app.Config["Digests"]!["daily"]!["Cron"] = "0 30 18 * * ?";
        app.WriteConfig();

        var expected = new DateTimeOffset(2026, 6, 1, 17, 30, 0, TimeSpan.Zero);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        DateTimeOffset? next = null;
        while (DateTime.UtcNow < deadline && next != expected)
        {
            await Task.Delay(100);
            next = await NextFireAsync(app, "daily");
        }

        Assert.Equal(expected, next);
    }

    private static async Task<TestApp> StartWorkerAsync(FakeTimeProvider clock)
    {
        var app = TestApp.Create();
        app.AddSource("wire", "space", TestFeeds.Rss("Wire", "https://wire.example.org/",
            new TestItem("Launch", "https://wire.example.org/launch", clock.GetUtcNow().AddHours(-1), "A rocket launched.")));
        app.Config["Digests"]!["daily"]!["Email"] = false;
        app.WriteConfig();
        return await app.StartAsync(HostMode.Worker, builder => TestApp.UseClock(builder, clock));
    }

    private static async Task<DateTimeOffset?> NextFireAsync(TestApp app, string digestId)
    {
        var scheduler = await app.Get<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(new TriggerKey(digestId, ScheduleSynchronizer.Group));
        return trigger?.NextFireTimeUtc;
    }
}
