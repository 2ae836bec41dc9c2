using Microsoft.Extensions.Logging;

namespace DigestBot.Editions;

/// <summary>
/// Renews a lease in the background while the work it protects runs (every third of the lease, so one slow renewal
/// does not lose it). <see cref="Lost"/> fires when a renewal finds another node has taken the work over, and also when
/// no renewal has been confirmed for a whole lease (the database is unreachable or hangs, or this process stalled): from
/// then on another node may rightly take the work, so this one must stop rather than find out later.
/// </summary>
internal sealed partial class LeaseKeeper : IAsyncDisposable
{
    private readonly CancellationTokenSource lost = new();
    private readonly CancellationTokenSource done = new();
    private readonly Task loop;

    public LeaseKeeper(Func<CancellationToken, Task<bool>> renew, TimeSpan lease, TimeProvider clock, ILogger logger, string what)
    {
        // The claim was written just before this: counting the lease from now is at most that much too generous.
        loop = RunAsync(renew, lease, clock, logger, what);
    }

    public CancellationToken Lost => lost.Token;

    private async Task RunAsync(Func<CancellationToken, Task<bool>> renew, TimeSpan lease, TimeProvider clock, ILogger logger, string what)
    {
        // Stop a little before the lease really ends, so the message in flight is finished before anyone may take over.
        var fenceAfter = lease - (lease / 6);
        // Local monotonic time at which the last confirmed renewal was sent. The database ran it later and set the expiry to
        // its own clock plus the lease, so for a lease from here no other node can have taken the work over: clocks that
        // disagree on the time of day still agree on how long a lease lasts.
        var confirmedAt = clock.GetTimestamp();
        while (!done.IsCancellationRequested)
        {
            try
            {
                var untilFence = fenceAfter - clock.GetElapsedTime(confirmedAt);
                await Task.Delay(untilFence < lease / 3 ? Max(untilFence, TimeSpan.Zero) : lease / 3, clock, done.Token);
                var attemptAt = clock.GetTimestamp();
                var left = fenceAfter - clock.GetElapsedTime(confirmedAt);
                if (left <= TimeSpan.Zero)
                {
                    await LoseAsync(logger, what, expired: true);
                    return;
                }

                var renewal = renew(done.Token);
                bool renewed;
                try
                {
                    renewed = await renewal.WaitAsync(left, clock, done.Token);
                }
                catch (TimeoutException) when (!renewal.IsCompleted)
                {
                    await LoseAsync(logger, what, expired: true);
                    return;
                }

                if (!renewed)
                {
                    await LoseAsync(logger, what, expired: false);
                    return;
                }

                confirmedAt = attemptAt;
            }
            catch (OperationCanceledException) when (done.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database hiccup: the lease is still ours until it runs out, so keep trying until then.
                LogRenewFailed(logger, what, ex);
            }
        }
    }

    private async Task LoseAsync(ILogger logger, string what, bool expired)
    {
        if (expired)
        {
            LogLeaseExpired(logger, what);
        }
        else
        {
            LogLeaseLost(logger, what);
        }

        await lost.CancelAsync();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public async ValueTask DisposeAsync()
    {
        await done.CancelAsync();
        await loop;
        done.Dispose();
        lost.Dispose();
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Lost the lease on {Work}: another node took it over; stopping work on it")]
    private static partial void LogLeaseLost(ILogger logger, string work);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Could not renew the lease on {Work}; retrying")]
    private static partial void LogRenewFailed(ILogger logger, string work, Exception exception);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning,
        Message = "The lease on {Work} ran out before a renewal was confirmed; stopping work on it so another node can take it over")]
    private static partial void LogLeaseExpired(ILogger logger, string work);
}
