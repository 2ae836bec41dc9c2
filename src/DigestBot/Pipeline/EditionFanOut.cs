using System.Runtime.CompilerServices;
using DigestBot.Deliver.Email;
using DigestBot.Editions;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Pipeline;

/// <summary>
/// The email fan-out of an edition as claimed batches: each node works whatever batch is free, a batch is marked done
/// only after every message in it is in the ledger, and a stop request finishes the message in hand and hands the
/// batch back. So a crash re-sends at most the messages in flight, and a second node adds throughput. A node holds at
/// most FanOut:ParallelBatches batches at once, of all editions together; they all feed its one SMTP send queue.
/// </summary>
public sealed partial class EditionFanOut(
    EmailBatchStore batches,
    EditionPauses pauses,
    SubscriberStore subscribers,
    EmailDelivery email,
    WalCheckpoint walCheckpoint,
    IOptionsMonitor<FanOutOptions> options,
    TimeProvider clock,
    ILogger<EditionFanOut> logger)
{
    /// <summary>Messages already being sent get this long after a stop request before they are cut off.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly BatchSlots slots = new();

    /// <summary>
    /// Works batches until every batch of the edition is done or the edition is paused (true), or <paramref name="stop"/> fires (false), adding
    /// what this node's batches did to <paramref name="count"/>.
    /// </summary>
    public async Task<bool> RunToEndAsync(Digest digest, DeliveryCount count, CancellationToken stop, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            await HelpAsync(digest, count, stop, cancellationToken);
            if (stop.IsCancellationRequested)
            {
                return false;
            }

            if (await batches.RemainingAsync(digest.EditionId, cancellationToken) == 0
                || await pauses.ReasonAsync(digest.EditionId, cancellationToken) is not null)
            {
                return true;
            }

            // Other nodes hold the rest; wait for them, or for their leases to run out.
            try
            {
                await Task.Delay(options.CurrentValue.PollInterval, clock, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    /// <summary>Works the batches of the edition that are free now, up to <c>FanOut:ParallelBatches</c> at a time (shared with other editions).</summary>
    public Task HelpAsync(Digest digest, CancellationToken stop, CancellationToken cancellationToken = default) =>
        HelpAsync(digest, new DeliveryCount(), stop, cancellationToken);

    private async Task HelpAsync(Digest digest, DeliveryCount count, CancellationToken stop, CancellationToken cancellationToken)
    {
        using var hard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var graceful = stop.Register(() => hard.CancelAfter(StopGrace));
        var workers = Enumerable.Range(0, options.CurrentValue.ParallelBatches).Select(_ => WorkAsync(digest, count, stop, hard.Token));
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(Digest digest, DeliveryCount count, CancellationToken stop, CancellationToken cancellationToken)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await slots.AcquireAsync(() => options.CurrentValue.ParallelBatches, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            var settings = options.CurrentValue;
            bool delivered;
            try
            {
                var batch = await batches.ClaimNextAsync(digest.EditionId, settings.Lease, cancellationToken);
                if (batch is null)
                {
                    return;
                }

                delivered = await RunBatchAsync(digest, batch, settings, count, stop, cancellationToken);
            }
            finally
            {
                slots.Release();
            }

            if (!delivered)
            {
                try
                {
                    await Task.Delay(settings.RetryDelay, clock, stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    /// <summary>False when the batch could not be finished because of a delivery error (it is handed back for a retry).</summary>
    private async Task<bool> RunBatchAsync(Digest digest, EmailBatch batch, FanOutOptions settings, DeliveryCount count, CancellationToken stop, CancellationToken cancellationToken)
    {
        var interrupted = new StrongBox<bool>();
        await using var lease = new LeaseKeeper(ct => batches.RenewAsync(batch, settings.Lease, ct), settings.Lease, clock, logger, $"batch {batch.BatchNo} of {batch.EditionId}");
        using var yieldStop = CancellationTokenSource.CreateLinkedTokenSource(stop, lease.Lost);
        // Once the lease is lost another node owns the batch: messages already queued here must not go out as well.
        using var owned = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        try
        {
            var members = batch.GroupZone is { } zone
                ? subscribers.StreamActiveGroupAsync(batch.AfterEmail, batch.LastEmail, zone, batch.GroupHour, cancellationToken: cancellationToken)
                : subscribers.StreamActiveRangeAsync(batch.AfterEmail, batch.LastEmail, cancellationToken: cancellationToken);
            var recipients = UntilStopped(members, yieldStop.Token, interrupted);
            var result = await email.DeliverAsync(digest, recipients, owned.Token);
            count.Add(result);
            if (interrupted.Value)
            {
                await batches.ReleaseAsync(batch, CancellationToken.None);
                LogBatchHandedBack(logger, batch.BatchNo, batch.EditionId, result.Sent);
                return true;
            }

            await batches.CompleteAsync(batch, CancellationToken.None);
            LogBatchDone(logger, batch.BatchNo, batch.EditionId, result.Sent, result.Failed);
            await walCheckpoint.RestartAsync(CancellationToken.None);
            if (await pauses.CheckAsync(batch.EditionId, CancellationToken.None) is { } reason)
            {
                LogEditionPaused(logger, batch.EditionId, reason);
            }

            return true;
        }
        catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogBatchLost(logger, batch.BatchNo, batch.EditionId);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The SMTP server is down or dropped us: what was accepted is in the ledger; the rest is retried later.
            LogBatchFailed(logger, batch.BatchNo, batch.EditionId, settings.RetryDelay, ex);
            await batches.ReleaseAsync(batch, CancellationToken.None);
            return false;
        }
        catch (OperationCanceledException)
        {
            await batches.ReleaseAsync(batch, CancellationToken.None);
            throw;
        }
    }

    private static async IAsyncEnumerable<Subscriber> UntilStopped(
        IAsyncEnumerable<Subscriber> source, CancellationToken stop, StrongBox<bool> interrupted,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var subscriber in source.WithCancellation(cancellationToken))
        {
            if (stop.IsCancellationRequested)
            {
                interrupted.Value = true;
                yield break;
            }

            yield return subscriber;
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug, Message = "Batch {BatchNo} of {EditionId} done: {Sent} sent, {Failed} failed")]
    private static partial void LogBatchDone(ILogger logger, int batchNo, string editionId, int sent, int failed);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "Stopping: batch {BatchNo} of {EditionId} handed back after {Sent} messages")]
    private static partial void LogBatchHandedBack(ILogger logger, int batchNo, string editionId, int sent);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "Batch {BatchNo} of {EditionId}: lease lost, stopped sending it")]
    private static partial void LogBatchLost(ILogger logger, int batchNo, string editionId);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Warning, Message = "Edition {EditionId} paused: {Reason}; its remaining email batches wait for send-now --resume")]
    private static partial void LogEditionPaused(ILogger logger, string editionId, string reason);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "Batch {BatchNo} of {EditionId} could not be delivered; retrying in {Delay}")]
    private static partial void LogBatchFailed(ILogger logger, int batchNo, string editionId, TimeSpan delay, Exception exception);
}
