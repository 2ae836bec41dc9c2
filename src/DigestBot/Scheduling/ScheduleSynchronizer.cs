using DigestBot.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace DigestBot.Scheduling;

/// <summary>
/// Keeps Quartz's jobs equal to the digests in configuration: on start, and again whenever appsettings.json changes,
/// so a new cron or time zone takes effect without a restart.
/// </summary>
public sealed partial class ScheduleSynchronizer(
    ISchedulerFactory schedulers,
    IOptionsMonitor<CatalogOptions> catalog,
    TimeProvider clock,
    ILogger<ScheduleSynchronizer> logger) : IHostedService, IDisposable
{
    public const string Group = "digests";
    private readonly SemaphoreSlim gate = new(1, 1);
    private IDisposable? subscription;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await SynchronizeAsync(catalog.CurrentValue, cancellationToken);
        subscription = catalog.OnChange(options => _ = SynchronizeSafelyAsync(options));
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        subscription?.Dispose();
        gate.Dispose();
    }

    public async Task SynchronizeAsync(CatalogOptions options, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var wanted = options.Digests.Where(d => d.Value.Enabled && d.Value.Delivery == DeliveryMode.Scheduled).ToDictionary(d => JobKeyFor(d.Key), d => d);
            var page = await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(Group) }, cancellationToken);
            foreach (var existing in page.Items.Select(h => h.Key))
            {
                if (!wanted.ContainsKey(existing))
                {
                    await scheduler.DeleteJob(existing, cancellationToken);
                    LogUnscheduled(logger, existing.Name);
                }
            }

            foreach (var (key, (id, digest)) in wanted)
            {
                var job = JobBuilder.Create<DigestJob>().WithIdentity(key).UsingJobData(DigestJob.DigestIdKey, id).StoreDurably().Build();
                var trigger = TriggerFor(id, digest, clock);
                await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
                LogScheduled(logger, id, digest.Cron, digest.TimeZone, (await scheduler.GetTrigger(trigger.Key, cancellationToken))?.NextFireTimeUtc);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public static JobKey JobKeyFor(string digestId) => new(digestId, Group);

    public static ITrigger TriggerFor(string digestId, DigestOptions digest, TimeProvider clock) =>
        TriggerBuilder.Create(clock)
            .WithIdentity(digestId, Group)
            .ForJob(JobKeyFor(digestId))
            .StartAt(clock.GetUtcNow())
            .WithCronSchedule(digest.Cron, c => c
                .InTimeZone(Options.TimeZones.TryFind(digest.TimeZone) ?? TimeZoneInfo.Utc)
                // Missed slots are MissedScheduleCatchUp's business (one slot, within a grace window), not Quartz's.
                .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .Build();

    private async Task SynchronizeSafelyAsync(CatalogOptions options)
    {
        try
        {
            await SynchronizeAsync(options);
        }
        catch (Exception ex)
        {
            LogSyncFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Digest {DigestId} scheduled: '{Cron}' in {TimeZone}, next at {NextFireUtc:u}")]
    private static partial void LogScheduled(ILogger logger, string digestId, string cron, string timeZone, DateTimeOffset? nextFireUtc);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Digest {DigestId} removed from the schedule")]
    private static partial void LogUnscheduled(ILogger logger, string digestId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Could not apply the new schedule; the previous one stays in force")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}
