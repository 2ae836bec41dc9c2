using DigestBot.Deliver.Email;

namespace DigestBot.Cli;

/// <summary>
/// Stops a send (gracefully: the edition is handed back, unfinished) once the mail server has been unreachable for
/// <paramref name="wait"/>. A running worker would keep waiting and retrying; a command someone is watching should not.
/// </summary>
internal sealed class MailServerWatch(SmtpSendQueue queue, TimeSpan wait, CancellationTokenSource run) : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly CancellationTokenSource done = new();
    private Task? loop;

    /// <summary>True once the watch stopped the send.</summary>
    public bool GaveUp { get; private set; }

    public MailServerWatch Start()
    {
        loop = WatchAsync(done.Token);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await done.CancelAsync();
        if (loop is not null)
        {
            await loop;
        }

        done.Dispose();
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (queue.ServerUnreachableFor >= wait)
                {
                    GaveUp = true;
                    await run.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The send finished first.
        }
    }
}
