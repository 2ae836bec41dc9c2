using Microsoft.Extensions.Logging;

namespace DigestBot.Pipeline;

/// <summary>
/// Renews a lease in the background while the work it protects runs (every third of the lease, so one slow renewal
/// does not lose it). <see cref="Lost"/> fires when a renewal finds another node has taken the work over.
/// </summary>
internal sealed partial class LeaseKeeper : IAsyncDisposable
{
    private readonly CancellationTokenSource lost = new();
    private readonly CancellationTokenSource done = new();
    private readonly Task loop;

    public LeaseKeeper(Func<CancellationToken, Task<bool>> renew, TimeSpan lease, TimeProvider clock, ILogger logger, string what)
    {
        loop = RunAsync(renew, lease / 3, clock, logger, what);
    }

    public CancellationToken Lost => lost.Token;

    private async Task RunAsync(Func<CancellationToken, Task<bool>> renew, TimeSpan every, TimeProvider clock, ILogger logger, string what)
    {
        while (!done.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, clock, done.Token);
                if (!await renew(done.Token))
                {
                    LogLeaseLost(logger, what);
                    await lost.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException) when (done.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database hiccup: the lease is still ours until it runs out, so keep trying.
                LogRenewFailed(logger, what, ex);
            }
        }
    }

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
}
