using DigestBot.Store;

namespace DigestBot.Deliver.Email;

/// <summary>
/// Group commit for the ledger, done by the sending threads themselves: a connection whose message the server just
/// accepted either writes every row handed over so far in one transaction, or waits for the write already under way
/// that will include its row. A connection hands its row over and builds its next message before it waits, and sends
/// nothing more until that row is committed, so a crash re-sends at most the one accepted message per connection still
/// in hand, never more. There is no writer thread to hand rows to
/// and wake up: with a few connections most rows are written by the thread that has them, without a context switch.
/// </summary>
internal sealed class LedgerWriter(SentRecorder recorder) : IDisposable
{
    private readonly object gate = new();
    private List<AcceptedEmail> pending = [];
    private long handedOver;
    private long committed;
    private bool writing;
    private Exception? failure;

    public void Dispose() => recorder.Dispose();

    /// <summary>Queues the row for the next group commit and returns its ticket for <see cref="WaitCommitted"/>.</summary>
    public long HandOver(AcceptedEmail email)
    {
        lock (gate)
        {
            pending.Add(email);
            return ++handedOver;
        }
    }

    /// <summary>
    /// Returns when the row with this ticket is committed, writing the pending rows itself when no write is under way.
    /// Not cancellable: an accepted message must be recorded.
    /// </summary>
    /// <exception cref="InvalidOperationException">The ledger could not be written (now or by an earlier write).</exception>
    public void WaitCommitted(long ticket)
    {
        List<AcceptedEmail> batch;
        long through;
        lock (gate)
        {
            while (true)
            {
                if (failure is not null)
                {
                    throw Unwritable(failure);
                }

                if (committed >= ticket)
                {
                    return;
                }

                if (!writing)
                {
                    break;
                }

                Monitor.Wait(gate);
            }

            writing = true;
            (batch, pending, through) = (pending, [], handedOver);
        }

        try
        {
            recorder.Record(batch);
        }
        catch (Exception ex)
        {
            lock (gate)
            {
                (failure, writing) = (ex, false);
                Monitor.PulseAll(gate);
            }

            throw Unwritable(ex);
        }

        lock (gate)
        {
            (committed, writing) = (through, false);
            Monitor.PulseAll(gate);
        }
    }

    private static InvalidOperationException Unwritable(Exception cause) =>
        new($"The email ledger could not be written ({cause.Message}); sending stops.", cause);
}
