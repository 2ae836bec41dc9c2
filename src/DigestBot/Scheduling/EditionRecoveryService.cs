using DigestBot.Editions;
using DigestBot.Options;
using DigestBot.Pipeline;
using DigestBot.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Scheduling;

/// <summary>
/// The worker's background duty besides the schedule: on start, catch up a missed slot; then keep looking for editions
/// whose owner died (and resume them) and for free batches of editions other nodes are sending (and help with them).
/// Stopping the host stops it taking new work; the batch in hand is finished or handed back.
/// </summary>
public sealed partial class EditionRecoveryService(
    MissedScheduleCatchUp catchUp,
    EditionStore editions,
    EditionContentStore contents,
    EmailBatchStore batches,
    DigestPipeline pipeline,
    EditionFanOut fanOut,
    IOptionsMonitor<FanOutOptions> options,
    TimeProvider clock,
    ILogger<EditionRecoveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await GuardAsync(() => catchUp.RunAsync(stoppingToken), "catching up missed schedules");
        while (!stoppingToken.IsCancellationRequested)
        {
            await GuardAsync(() => ResumeOrphansAsync(stoppingToken), "resuming unfinished editions");
            await GuardAsync(() => HelpAsync(stoppingToken), "helping with email batches");
            try
            {
                await Task.Delay(options.CurrentValue.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ResumeOrphansAsync(CancellationToken stoppingToken)
    {
        foreach (var orphan in await editions.OrphanedAsync(stoppingToken))
        {
            LogResuming(logger, orphan.EditionId);
            await pipeline.RunAsync(orphan.DigestId, orphan.Slot, stoppingToken);
        }
    }

    private async Task HelpAsync(CancellationToken stoppingToken)
    {
        foreach (var editionId in await batches.EditionsWithClaimableBatchesAsync(stoppingToken))
        {
            if (await contents.LoadAsync(editionId, stoppingToken) is { } digest)
            {
                await fanOut.HelpAsync(digest, stoppingToken);
            }
        }
    }

    private async Task GuardAsync(Func<Task> work, string what)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, what, ex);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Edition {EditionId} was left unfinished by a node that stopped or died; resuming it")]
    private static partial void LogResuming(ILogger logger, string editionId);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Error, Message = "Failed while {Work}; trying again later")]
    private static partial void LogFailed(ILogger logger, string work, Exception exception);
}
