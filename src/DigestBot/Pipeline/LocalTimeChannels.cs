using DigestBot.Deliver;
using DigestBot.Editions;
using DigestBot.Options;
using DigestBot.Store;

namespace DigestBot.Pipeline;

/// <summary>
/// Delivery of an edition at readers' local time. The email batches fall due one group after another over a day or
/// more; a channel without batches (Discord) posts when the digest's own time comes in its own zone (the slot). So the
/// channels run side by side rather than in turn, and the run ends when all have.
/// </summary>
internal static class LocalTimeChannels
{
    public static LocalBatchPlan PlanFor(DigestOptions options, DateTimeOffset slot)
    {
        var schedule = new LocalTimeSchedule(options);
        return new LocalBatchPlan(schedule.UsesReaderHour, (zone, hour) => schedule.DueFor(slot, zone, hour));
    }

    public static async Task<IReadOnlyList<ChannelOutcome>> DeliverAsync(
        IReadOnlyList<IDeliveryChannel> used, EditionDelivery edition, DateTimeOffset slot, TimeProvider clock,
        Func<IDeliveryChannel, EditionDelivery, CancellationToken, Task<ChannelOutcome>> run, CancellationToken stop)
    {
        var runs = used.Select(channel => channel.BatchSize(edition.Options) is null
            ? WhenDueAsync(channel, edition, slot, clock, run, stop)
            : run(channel, edition, stop));
        return await Task.WhenAll(runs);
    }

    private static async Task<ChannelOutcome> WhenDueAsync(
        IDeliveryChannel channel, EditionDelivery edition, DateTimeOffset dueAt, TimeProvider clock,
        Func<IDeliveryChannel, EditionDelivery, CancellationToken, Task<ChannelOutcome>> run, CancellationToken stop)
    {
        var wait = dueAt - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(wait, clock, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return new ChannelOutcome(Model.DeliveryResult.Nothing(channel.Name), ChannelState.Interrupted);
            }
        }

        return await run(channel, edition, stop);
    }
}
