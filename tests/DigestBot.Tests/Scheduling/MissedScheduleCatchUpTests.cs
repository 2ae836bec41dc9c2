using System.Text.Json.Nodes;
using DigestBot.Editions;
using DigestBot.Scheduling;
using DigestBot.Store;
using DigestBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Scheduling;

/// <summary>Start-up catch-up of a slot missed while no worker ran, on a fake clock, delivering to smtp-sink.</summary>
public sealed class MissedScheduleCatchUpTests : IAsyncLifetime
{
    // 07:00 Europe/London on a winter day is 07:00 UTC.
    private static readonly DateTimeOffset Today0700 = new(2026, 1, 14, 7, 0, 0, TimeSpan.Zero);
    private SmtpSink? sink;

    public async Task InitializeAsync()
    {
        if (SmtpSink.IsInstalled)
        {
            sink = await SmtpSink.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (sink is not null)
        {
            await sink.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task RunAsync_slotMissedWithinGrace_sendsThatSlotOnce()
    {
        var clock = new FakeTimeProvider(Today0700.AddDays(-1).AddMinutes(1));
        await using var app = await StartAsync(clock, "0 0 7 * * ?");
        await SendPreviousEditionAsync(app, Today0700.AddDays(-1));
        clock.SetUtcNow(Today0700.AddMinutes(40));

        var sent = await app.Get<MissedScheduleCatchUp>().RunAsync();
        var again = await app.Get<MissedScheduleCatchUp>().RunAsync();

        Assert.Equal([("daily", Today0700)], sent);
        Assert.Empty(again);
        Assert.Single(await sink!.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal(Today0700, await app.Get<EditionStore>().LastCompletedSlotAsync("daily"));
    }

    [SkippableFact]
    public async Task RunAsync_slotMissedPastGrace_skipsIt()
    {
        var clock = new FakeTimeProvider(Today0700.AddDays(-1).AddMinutes(1));
        await using var app = await StartAsync(clock, "0 0 7 * * ?");
        await SendPreviousEditionAsync(app, Today0700.AddDays(-1));
        clock.SetUtcNow(Today0700.AddHours(2).AddMinutes(1));

        var sent = await app.Get<MissedScheduleCatchUp>().RunAsync();

        // Catch-up runs the slot it sends before it returns: with no edition claimed for today, nothing was sent or is coming.
        Assert.Empty(sent);
        Assert.Equal(Today0700.AddDays(-1), await app.Get<EditionStore>().LastClaimedSlotAsync("daily"));
        Assert.Empty(sink!.Messages());
    }

    [SkippableFact]
    public async Task RunAsync_longOutageOfAnHourlyDigest_sendsOnlyTheLatestSlot()
    {
        var clock = new FakeTimeProvider(Today0700.AddDays(-5).AddMinutes(1));
        await using var app = await StartAsync(clock, "0 0 * * * ?");
        await SendPreviousEditionAsync(app, Today0700.AddDays(-5));
        clock.SetUtcNow(Today0700.AddMinutes(20));

        var sent = await app.Get<MissedScheduleCatchUp>().RunAsync();

        Assert.Equal([("daily", Today0700)], sent);
        Assert.Single(await sink!.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
    }

    [SkippableFact]
    public async Task RunAsync_digestNeverSentBefore_sendsNothing()
    {
        var clock = new FakeTimeProvider(Today0700.AddMinutes(5));
        await using var app = await StartAsync(clock, "0 0 7 * * ?");

        Assert.Empty(await app.Get<MissedScheduleCatchUp>().RunAsync());
        Assert.Null(await app.Get<EditionStore>().LastClaimedSlotAsync("daily"));
    }

    [Fact]
    public void LatestFireTime_severalSlotsMissed_returnsTheLastOneBeforeNow()
    {
        var cron = new Quartz.CronExpression("0 0 */6 * * ?", TimeZoneInfo.Utc);

        var latest = MissedScheduleCatchUp.LatestFireTime(cron, Today0700.AddDays(-2), Today0700);

        Assert.Equal(Today0700.AddHours(-1), latest);
        Assert.Null(MissedScheduleCatchUp.LatestFireTime(cron, Today0700.AddMinutes(-59), Today0700));
    }

    private async Task<TestApp> StartAsync(FakeTimeProvider clock, string cron)
    {
        Skip.If(sink is null, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        var app = TestApp.Create(c =>
        {
            c["Digests"]!["daily"]!["Cron"] = cron;
            c["Smtp"]!["Port"] = sink!.Port;
            c["Scheduling"] = new JsonObject { ["MissedScheduleGrace"] = "02:00:00" };
        });
        app.AddSource("wire", "space", FeedAt(clock.GetUtcNow()));
        app.AddSubscriber("reader@example.org", "Reader");
        await app.StartAsync(configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        return app;
    }

    /// <summary>An edition sent at <paramref name="slot"/>, so the worker has evidently been running before.</summary>
    private static async Task SendPreviousEditionAsync(TestApp app, DateTimeOffset slot)
    {
        var editions = app.Get<EditionStore>();
        var claim = await editions.ClaimAsync("daily", slot, TimeSpan.FromMinutes(1));
        await editions.CompleteAsync(claim.EditionId, EditionStatus.Sent, EditionTotals.None, null);
        File.WriteAllText(Path.Combine(app.Root, "feeds", "wire.xml"), FeedAt(slot.AddHours(20)));
    }

    private static string FeedAt(DateTimeOffset now) => TestFeeds.Rss("Wire", "https://wire.example.org/",
        new TestItem("Story at " + now.ToString("u", System.Globalization.CultureInfo.InvariantCulture), "https://wire.example.org/" + now.ToUnixTimeSeconds(), now.AddMinutes(-30), "Something happened."));
}
