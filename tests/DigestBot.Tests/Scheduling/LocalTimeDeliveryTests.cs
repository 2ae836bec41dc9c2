using System.Globalization;
using System.Text.Json.Nodes;
using DigestBot.Hosting;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Store;
using DigestBot.Tests.Reliability;
using DigestBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace DigestBot.Tests.Scheduling;

/// <summary>
/// The real worker on a fake clock walking 48 hours across Europe's spring-forward (29 March 2026), with 10,000 readers
/// in 26 zones, sending through Postfix's smtp-sink: each reader gets each edition once, at their own local time.
/// </summary>
public sealed class LocalTimeDeliveryTests(ITestOutputHelper output)
{
    private const int Readers = 10_000;
    private static readonly DateTimeOffset Start = new(2026, 3, 28, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddHours(48);
    private static readonly DateOnly[] Dates = [new(2026, 3, 29), new(2026, 3, 30)];

    [SkippableFact]
    public async Task Run_fakeClockWalks48HoursAcrossDst_everyReaderGetsEachEditionOnceWithinAMinuteOfTheirLocalTime()
    {
        Skip.IfNot(SmtpSink.IsInstalled, "Postfix smtp-sink is not installed; .ci/run installs the postfix package.");
        await using var sink = await SmtpSink.StartAsync();
        var clock = new FakeTimeProvider(Start);
        await using var app = LocalTimeApps.Create(sink.Port, clock.GetUtcNow());
        var logs = new CapturingLoggerProvider();
        await app.StartAsync(HostMode.Worker, builder =>
        {
            TestApp.UseClock(builder, clock);
            builder.Services.AddSingleton<ILoggerProvider>(logs);
        });
        var readers = LocalTimeReaders.Create(Readers);
        await app.Get<SubscriberStore>().AddManyAsync(readers, overwrite: false);
        var probe = new StoreProbe(new StorageOptions { SqlitePath = app.Config["Storage"]!["SqlitePath"]!.GetValue<string>() }, app.Root);

        var expected = LocalTimeApps.ExpectedDues(readers, Dates);
        var walk = new ClockWalk(clock, probe, End);
        try
        {
            await walk.RunAsync(expected.Values.SelectMany(d => d.Values), LocalTimeApps.Builds(expected), LocalTimeApps.NewStoryAfterFirstBuild(app, clock));
        }
        finally
        {
            foreach (var entry in logs.Entries.Where(e => e.Level >= LogLevel.Warning).Take(40))
            {
                output.WriteLine($"{entry.Level} {entry.EventId.Id} {entry.Message} {entry.Exception}");
            }
        }

        var sent = await LocalTimeApps.SentAsync(probe, sink);
        output.WriteLine($"{walk.Steps} clock steps");
        LocalTimeApps.AssertEachDueReaderOnceOnTime(expected, sent, End, output);
    }
}
