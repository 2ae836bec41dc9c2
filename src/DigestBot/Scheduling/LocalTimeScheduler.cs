using DigestBot.Editions;
using DigestBot.Options;
using DigestBot.Pipeline;
using DigestBot.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Scheduling;

/// <summary>
/// Starts the editions of digests delivered at local time (Quartz runs the others). Every poll it looks at each such
/// digest's slots around now: a slot not yet claimed whose build time has come (its first reader's due instant, less
/// the lead time) is run through the pipeline, which claims it (once in the cluster), builds it once, and sends each
/// group's batch when that group's time comes. Runs last as long as their edition's deliveries; several overlap.
/// </summary>
public sealed partial class LocalTimeScheduler(
    IOptionsMonitor<CatalogOptions> catalog,
    IOptionsMonitor<FanOutOptions> fanOut,
    IOptionsMonitor<DigestSchedulingOptions> scheduling,
    EditionStore editions,
    SubscriberStore subscribers,
    DigestPipeline pipeline,
    TimeProvider clock,
    ILogger<LocalTimeScheduler> logger) : BackgroundService
{
    /// <summary>An edition's readers are due within about two days of its slot (UTC-12 to UTC+14, plus the lead time).</summary>
    private static readonly TimeSpan Around = TimeSpan.FromDays(3);

    private readonly Dictionary<string, Task> running = new(StringComparer.Ordinal);
    private readonly HashSet<string> skipped = new(StringComparer.Ordinal);
    private DateTimeOffset? firstLook;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await StartDueEditionsAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }

                await Task.Delay(fanOut.CurrentValue.PollInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the runs below finish the messages in hand and hand the rest back.
        }
        finally
        {
            await Task.WhenAll(running.Values);
        }
    }

    /// <summary>Starts every edition whose build time has come; returns the edition ids started.</summary>
    internal async Task<IReadOnlyList<string>> StartDueEditionsAsync(CancellationToken stoppingToken)
    {
        foreach (var done in running.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToList())
        {
            running.Remove(done);
        }

        var started = new List<string>();
        firstLook ??= clock.GetUtcNow();
        var local = catalog.CurrentValue.Digests.Where(d => d.Value.Enabled && d.Value.Delivery == DeliveryMode.LocalTime).ToList();
        if (local.Count == 0)
        {
            return started;
        }

        var groups = (await subscribers.DeliveryGroupsAsync(stoppingToken)).Select(g => new DeliveryGroup(g.TimeZone, g.Hour)).ToList();
        foreach (var (digestId, digest) in local)
        {
            var schedule = new LocalTimeSchedule(digest);
            var relevant = schedule.UsesReaderHour ? groups : groups.Select(g => g with { Hour = null }).Distinct().ToList();
            var lastClaimed = await editions.LastClaimedSlotAsync(digestId, stoppingToken);
            var now = clock.GetUtcNow();
            foreach (var slot in schedule.SlotsBetween(Max(lastClaimed, now - Around), now + Around))
            {
                var buildAt = schedule.BuildAt(slot, relevant);
                if (buildAt > now)
                {
                    break;
                }

                var editionId = EditionStore.EditionIdFor(digestId, slot);
                // Without an earlier edition no worker was meant to be running yet: an edition already under way when the
                // digest was first seen is not started half-way through its day.
                if (running.ContainsKey(editionId) || (lastClaimed is null && buildAt < firstLook))
                {
                    continue;
                }

                var lastDue = schedule.LastDue(slot, relevant);
                if (now - lastDue > scheduling.CurrentValue.MissedScheduleGrace)
                {
                    if (skipped.Add(editionId))
                    {
                        LogSkipped(logger, editionId, lastDue);
                    }

                    continue;
                }

                LogStarting(logger, editionId, buildAt, lastDue);
                running[editionId] = RunAsync(digestId, slot, stoppingToken);
                started.Add(editionId);
            }
        }

        return started;
    }

    private async Task RunAsync(string digestId, DateTimeOffset slot, CancellationToken stoppingToken)
    {
        // Off the poll loop: an edition delivered at local time runs for a day or more.
        await Task.Yield();
        try
        {
            await pipeline.RunAsync(digestId, slot, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The edition stays unfinished; its lease runs out and recovery resumes it.
            LogRunFailed(logger, EditionStore.EditionIdFor(digestId, slot), ex);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information,
        Message = "Edition {EditionId} starts: its content is chosen now (build time {BuildAt:u}); its last readers are due at {LastDue:u}")]
    private static partial void LogStarting(ILogger logger, string editionId, DateTimeOffset buildAt, DateTimeOffset lastDue);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning,
        Message = "Edition {EditionId} was never started and its last readers were due at {LastDue:u}, past Scheduling:MissedScheduleGrace; skipped")]
    private static partial void LogSkipped(ILogger logger, string editionId, DateTimeOffset lastDue);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Error, Message = "Edition {EditionId} failed; it is resumed once its lease runs out")]
    private static partial void LogRunFailed(ILogger logger, string editionId, Exception exception);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Error, Message = "Could not look for editions delivered at local time to start; trying again later")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
