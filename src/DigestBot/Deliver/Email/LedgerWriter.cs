using System.Threading.Channels;
using DigestBot.Store;

namespace DigestBot.Deliver.Email;

/// <summary>
/// Group commit for the ledger: each connection hands over the message the server just accepted and waits until its row
/// is committed before sending the next one, while rows from all connections share one transaction. A crash therefore
/// loses at most the one accepted message per connection that was still in hand (it is sent again), never more.
/// </summary>
internal sealed class LedgerWriter
{
    private const int MaxBatch = 1000;

    private readonly Channel<(AcceptedEmail Email, TaskCompletionSource Done)> accepted =
        Channel.CreateUnbounded<(AcceptedEmail, TaskCompletionSource)>(new() { SingleReader = true });

    private readonly EmailLedger ledger;
    private readonly Task writing;

    public LedgerWriter(EmailLedger ledger)
    {
        this.ledger = ledger;
        writing = Task.Run(WriteAsync);
    }

    /// <summary>Completes when the row is committed. Not cancellable: an accepted message must be recorded.</summary>
    public Task RecordAsync(AcceptedEmail email)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!accepted.Writer.TryWrite((email, done)))
        {
            done.SetException(new InvalidOperationException("The ledger writer has stopped."));
        }

        return done.Task;
    }

    /// <summary>Writes what is left and surfaces any write error.</summary>
    public async Task CompleteAsync()
    {
        accepted.Writer.TryComplete();
        await writing;
    }

    private async Task WriteAsync()
    {
        var batch = new List<(AcceptedEmail Email, TaskCompletionSource Done)>(MaxBatch);
        while (await accepted.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && accepted.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await ledger.RecordSentAsync(batch.Select(b => b.Email).ToList(), CancellationToken.None);
                batch.ForEach(b => b.Done.SetResult());
            }
            catch (Exception ex)
            {
                batch.ForEach(b => b.Done.SetException(ex));
                throw;
            }

            batch.Clear();
        }
    }
}
