using DigestBot.Editions;
using DigestBot.Options;
using DigestBot.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace DigestBot.Scheduling;

/// <summary>
/// At start-up, sends the latest slot of each digest that passed while no worker was running, if it is within
/// <c>Scheduling:MissedScheduleGrace</c>; older misses are skipped with a log line. Only the latest slot is ever
/// considered, so a long outage never turns into a burst of back-editions.
/// </summary>
public sealed partial class MissedScheduleCatchUp(
    IOptionsMonitor<CatalogOptions> catalog,
    IOptionsMonitor<DigestSchedulingOptions> scheduling,
    EditionStore editions,
    DigestPipeline pipeline,
    TimeProvider clock,
    ILogger<MissedScheduleCatchUp> logger)
{
    /// <summary>How far back a missed slot is looked for at all (beyond this it is not even reported).</summary>
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(31);

    /// <summary>Returns the slots that were sent now.</summary>
    public async Task<IReadOnlyList<(string DigestId, DateTimeOffset Slot)>> RunAsync(CancellationToken cancellationToken = default)
    {
        var sent = new List<(string, DateTimeOffset)>();
        var grace = scheduling.CurrentValue.MissedScheduleGrace;
        foreach (var (digestId, digest) in catalog.CurrentValue.Digests.Where(d => d.Value.Enabled && d.Value.Delivery == DeliveryMode.Scheduled))
        {
            var now = clock.GetUtcNow();
            // Without an earlier edition there is no evidence a worker was ever meant to be running: nothing was missed.
            if (await editions.LastClaimedSlotAsync(digestId, cancellationToken) is not { } lastClaimed)
            {
                continue;
            }

            var cron = new CronExpression(digest.Cron, Options.TimeZones.TryFind(digest.TimeZone) ?? TimeZoneInfo.Utc);
            if (LatestFireTime(cron, Max(lastClaimed, now - Lookback), now) is not { } missed)
            {
                continue;
            }

            var late = now - missed;
            if (late > grace)
            {
                LogSkipped(logger, digestId, missed, late, grace);
                continue;
            }

            LogCatchingUp(logger, digestId, missed, late);
            await pipeline.RunAsync(digestId, missed, cancellationToken);
            sent.Add((digestId, missed));
        }

        return sent;
    }

    /// <summary>The last fire time after <paramref name="after"/> and at or before <paramref name="now"/>, if any.</summary>
    internal static DateTimeOffset? LatestFireTime(CronExpression cron, DateTimeOffset after, DateTimeOffset now)
    {
        DateTimeOffset? latest = null;
        for (var next = cron.GetNextValidTimeAfter(after); next is { } t && t <= now; next = cron.GetNextValidTimeAfter(t))
        {
            latest = t;
        }

        return latest;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Digest {DigestId}: slot {Slot:u} was missed while no worker ran and is {Late} late, past the grace of {Grace}; skipped")]
    private static partial void LogSkipped(ILogger logger, string digestId, DateTimeOffset slot, TimeSpan late, TimeSpan grace);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Digest {DigestId}: slot {Slot:u} was missed while no worker ran; sending it now ({Late} late)")]
    private static partial void LogCatchingUp(ILogger logger, string digestId, DateTimeOffset slot, TimeSpan late);
}
