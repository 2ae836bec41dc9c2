using System.Threading.Channels;
using DigestBot.Store;

namespace DigestBot.Deliver.Email;

/// <summary>
/// Writes accepted messages to the ledger in batches, off the sending path: each batch is whatever was accepted while the
/// previous one was being written. Only messages the server has accepted are ever handed to it.
/// </summary>
internal sealed class LedgerWriter
{
    private const int MaxBatch = 1000;

    private readonly Channel<AcceptedEmail> accepted = Channel.CreateUnbounded<AcceptedEmail>(new() { SingleReader = true });
    private readonly EmailLedger ledger;
    private readonly Task writing;

    public LedgerWriter(EmailLedger ledger)
    {
        this.ledger = ledger;
        writing = Task.Run(WriteAsync);
    }

    public void Add(AcceptedEmail email) => accepted.Writer.TryWrite(email);

    /// <summary>Writes what is left and surfaces any write error. Not cancellable: accepted messages must be recorded.</summary>
    public async Task CompleteAsync()
    {
        accepted.Writer.TryComplete();
        await writing;
    }

    private async Task WriteAsync()
    {
        var batch = new List<AcceptedEmail>(MaxBatch);
        while (await accepted.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && accepted.Reader.TryRead(out var email))
            {
                batch.Add(email);
            }

            await ledger.RecordSentAsync(batch, CancellationToken.None);
            batch.Clear();
        }
    }
}
