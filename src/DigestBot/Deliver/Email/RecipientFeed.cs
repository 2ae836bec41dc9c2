using DigestBot.Model;

namespace DigestBot.Deliver.Email;

/// <summary>
/// The subscribers still to send to, pulled by the sending threads one at a time. The store is read in pages (one query
/// per page), so almost every pull is a list lookup under a lock, with no producer task to wake for each message.
/// Subscribers the ledger lists as sent, and those with nothing to read in this edition (their muted words included), are
/// passed over (and counted as skipped, not failed).
/// </summary>
internal sealed class RecipientFeed(IAsyncEnumerable<Subscriber> recipients, Digest digest, ReaderCopies copies, CancellationToken cancellationToken)
{
    private IAsyncEnumerator<Subscriber>? source;
    private bool ended;

    public int Skipped { get; private set; }

    /// <summary>The next subscriber to send to, or false when there is none left. Callers serialize access.</summary>
    public bool TryNext(out Subscriber subscriber)
    {
        subscriber = null!;
        if (ended)
        {
            return false;
        }

        source ??= recipients.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (MoveNext(source))
            {
                var candidate = source.Current;
                if (candidate.Reads(digest.DigestId) && !copies.For(candidate).IsEmpty)
                {
                    subscriber = candidate;
                    return true;
                }

                Skipped++;
            }
        }
        catch
        {
            // The store failed or the fan-out was stopped: nothing more comes from this feed.
            ended = true;
            throw;
        }

        ended = true;
        return false;
    }

    public ValueTask DisposeAsync() => source?.DisposeAsync() ?? ValueTask.CompletedTask;

    // A page boundary waits for the store; every other step completes at once.
    private static bool MoveNext(IAsyncEnumerator<Subscriber> source)
    {
        var next = source.MoveNextAsync();
        return next.IsCompletedSuccessfully ? next.Result : next.AsTask().GetAwaiter().GetResult();
    }
}
