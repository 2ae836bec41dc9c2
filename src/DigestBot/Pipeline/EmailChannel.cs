using DigestBot.Deliver;
using DigestBot.Editions;
using DigestBot.Observability;
using DigestBot.Options;
using DigestBot.Store;
using Microsoft.Extensions.Options;

namespace DigestBot.Pipeline;

/// <summary>
/// Email as a delivery channel: the edition's claimable batches (<see cref="EditionFanOut"/>), sent through the node's
/// mail transport (an SMTP server, or the outbox folder). The channels live here rather than in Deliver/, which may
/// use neither Editions (the batches) nor Observability (the metrics).
/// </summary>
public sealed class EmailChannel(
    EditionFanOut fanOut,
    EmailBatchStore batches,
    EditionPauses pauses,
    EditionContentStore contents,
    IOptionsMonitor<FanOutOptions> fanOutOptions,
    DigestBotMetrics metrics) : IDeliveryChannel
{
    public string Name => "email";

    public bool IsUsedBy(DigestOptions digest) => digest.Email;

    public int? BatchSize(DigestOptions digest) => digest.Email ? fanOutOptions.CurrentValue.BatchSize : null;

    public async Task<ChannelOutcome> DeliverAsync(EditionDelivery edition, CancellationToken stop)
    {
        var editionId = edition.Digest.EditionId;
        if (edition.ResumingPartial)
        {
            // Batches that ended with failed messages are worked again: the ledger skips whoever already has the edition.
            await batches.ReopenAsync(editionId, stop);
        }

        var before = await contents.TotalsAsync(editionId, CancellationToken.None);
        var thisRun = new DeliveryCount();
        if (!await RunToEndAsync(edition, thisRun, stop))
        {
            return new ChannelOutcome(thisRun.ToResult(Name), ChannelState.Interrupted);
        }

        // The result is what this run's batches did; whether the edition is whole is the ledger's word (earlier runs
        // and other nodes included).
        var totals = await contents.TotalsAsync(editionId, CancellationToken.None);
        // Only what this run delivered: a resumed edition's earlier messages were counted by the run that sent them.
        metrics.EmailsDelivered(edition.Digest.DigestId, totals.EmailsSent - before.EmailsSent, Math.Max(0, totals.EmailsFailed - before.EmailsFailed));
        var state = await pauses.ReasonAsync(editionId, CancellationToken.None) is not null ? ChannelState.Paused
            : totals.EmailsFailed == 0 ? ChannelState.Delivered : ChannelState.Failed;
        return new ChannelOutcome(thisRun.ToResult(Name), state);
    }

    /// <summary>
    /// False when stopped. A message still waiting for the server when the stop's grace ran out was cut off: that is a
    /// stop too (the message is not in the ledger, so the resumed edition sends it).
    /// </summary>
    private async Task<bool> RunToEndAsync(EditionDelivery edition, DeliveryCount thisRun, CancellationToken stop)
    {
        try
        {
            return await fanOut.RunToEndAsync(edition.Digest, thisRun, stop, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return false;
        }
    }
}
