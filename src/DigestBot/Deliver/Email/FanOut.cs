using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Store;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace DigestBot.Deliver.Email;

/// <summary>
/// One batch of an edition's fan-out as the send queue works it: the next message to send (a retry that is due, else
/// the next subscriber), what happened to each message, and when the batch is over: the feed is empty, no retry is
/// waiting and no message is in hand (a message in hand may yet be deferred and come back as a retry, and an accepted
/// one stays in hand until its ledger row is committed). A failure or a stop ends it as soon as nothing is in hand.
/// </summary>
internal sealed partial class FanOut(
    Digest digest, SmtpOptions smtp, RecipientFeed feed, LedgerWriter ledgerWriter, FailedDeliveries failures,
    Func<MailJob, MimeMessage> build, CancellationTokenSource stop, TimeProvider clock, ILogger logger) : IDisposable
{
    private readonly object gate = new();
    private readonly List<(long Due, MailJob Job)> retries = [];
    private readonly TaskCompletionSource over = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration watch;
    private int inHand;
    private bool ended;
    private bool stopped;
    private Exception? failure;
    private int sent;
    private int failed;

    public string EditionId => digest.EditionId;

    /// <summary>Cancelled when the batch is stopped or has failed: what is being sent for it is cut off.</summary>
    public CancellationToken Token => stop.Token;

    /// <summary>Completes when nothing of the batch is left in hand: all sent and recorded, or stopped, or failed.</summary>
    public Task Over => over.Task;

    public Exception? Failure => Volatile.Read(ref failure);

    public DeliveryResult Result => new("email", sent, failed, feed.Skipped);

    /// <summary>From now on a stop request ends the batch even when no sending thread looks at it.</summary>
    public void Watch() => watch = stop.Token.Register(() =>
    {
        lock (gate)
        {
            stopped = true;
            EndIfOver();
        }
    });

    /// <summary>
    /// The next message to send, if one is ready now (never waits for one). When none is, <paramref name="nextDue"/> is
    /// lowered to the time of this batch's next retry.
    /// </summary>
    public bool TryTake(out MailJob job, ref long nextDue)
    {
        job = null!;
        Exception? error = null;
        lock (gate)
        {
            if (over.Task.IsCompleted)
            {
                return false;
            }

            if (stopped || stop.IsCancellationRequested)
            {
                stopped = true;
                EndIfOver();
                return false;
            }

            var now = clock.GetTimestamp();
            var due = retries.FindIndex(r => r.Due <= now);
            if (due >= 0)
            {
                job = retries[due].Job;
                retries.RemoveAt(due);
                inHand++;
                return true;
            }

            try
            {
                if (!ended && feed.TryNext(out var subscriber))
                {
                    job = new MailJob(subscriber);
                    inHand++;
                    return true;
                }

                ended = true;
            }
            catch (Exception ex)
            {
                // The store failed or the batch was stopped: nothing more comes from this feed.
                ended = true;
                error = ex;
            }

            foreach (var retry in retries)
            {
                nextDue = Math.Min(nextDue, retry.Due);
            }

            EndIfOver();
        }

        if (error is not null)
        {
            Fail(error);
        }

        return false;
    }

    /// <summary>Builds the job's message, on the sending thread (the first message of a variant renders it).</summary>
    public MimeMessage Build(MailJob job) => build(job);

    /// <summary>
    /// The server accepted the message: only now does it go to the ledger. Returns the row's ticket: the connection
    /// must pass it to <see cref="Recorded"/> before it sends another message.
    /// </summary>
    /// <remarks>
    /// The message is final, so it is disposed. MimeKit's messages and entities have finalizers: left to the GC, every
    /// message survived its first collection and was finalized later, which made each collection a gen1 one (about half
    /// the CPU of building and writing messages went to the GC).
    /// </remarks>
    public long Accepted(MailJob job)
    {
        var ticket = ledgerWriter.HandOver(new AcceptedEmail(digest.EditionId, job.Subscriber.Email, job.Message?.MessageId ?? "", job.Attempt + 1));
        Interlocked.Increment(ref sent);
        job.Message?.Dispose();
        return ticket;
    }

    /// <summary>
    /// Returns when the accepted message's row is committed (see <see cref="LedgerWriter.WaitCommitted"/>); only then
    /// is the message out of hand. A ledger that cannot be written fails the batch.
    /// </summary>
    public void Recorded(long ticket)
    {
        try
        {
            ledgerWriter.WaitCommitted(ticket);
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
        finally
        {
            Release();
        }
    }

    /// <summary>4xx: try again later (a fresh connection, a longer wait each time) until the attempts run out.</summary>
    public void Deferred(MailJob job, SmtpCommandException error)
    {
        var attempts = job.Attempt + 1;
        if (attempts >= smtp.MaxAttempts)
        {
            Final(job, () => failures.GaveUp(job, error, attempts, stop.Token));
            return;
        }

        var delay = smtp.RetryDelay * Math.Pow(2, job.Attempt);
        LogDeferred(logger, job.Subscriber.Email, SmtpErrors.Describe(error), delay);
        lock (gate)
        {
            retries.Add((clock.GetTimestamp() + (long)(delay.TotalSeconds * clock.TimestampFrequency), job with { Attempt = attempts }));
            inHand--;
            EndIfOver();
        }
    }

    /// <summary>5xx: this subscriber's delivery failed; enough of those and the address counts as bounced.</summary>
    public void Rejected(MailJob job, SmtpCommandException error) => Final(job, () => failures.Rejected(job, error, stop.Token));

    /// <summary>
    /// The message cannot go out and the batch cannot go on: the server stayed unreachable for longer than
    /// Smtp:MaxOutage, the message could not be built, or the batch was stopped (the error is then only the stop's echo).
    /// </summary>
    public void Abandon(MailJob job, Exception error)
    {
        job.Message?.Dispose();
        Fail(error);
        Release();
    }

    /// <summary>
    /// Ends the batch with an error; messages being sent for it are cut off. A cancellation caused by the batch's own
    /// stop is not an error of its own.
    /// </summary>
    public void Fail(Exception error)
    {
        lock (gate)
        {
            if (over.Task.IsCompleted)
            {
                return;
            }

            if (!(error is OperationCanceledException && stop.IsCancellationRequested))
            {
                failure ??= error;
            }

            stopped = true;
            // Under the lock, so the batch cannot end (and its token be disposed) before the cut-off is signalled.
            stop.Cancel();
            EndIfOver();
        }
    }

    public void Dispose() => watch.Dispose();

    private void Final(MailJob job, Action record)
    {
        try
        {
            record();
            Interlocked.Increment(ref failed);
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
        finally
        {
            job.Message?.Dispose();
            Release();
        }
    }

    private void Release()
    {
        lock (gate)
        {
            inHand--;
            EndIfOver();
        }
    }

    /// <summary>Under the lock: completes <see cref="Over"/> once nothing is in hand and nothing more will be taken.</summary>
    private void EndIfOver()
    {
        if (inHand > 0 || over.Task.IsCompleted || !(stopped || (ended && retries.Count == 0)))
        {
            return;
        }

        foreach (var retry in retries)
        {
            retry.Job.Message?.Dispose();
        }

        retries.Clear();
        over.SetResult();
    }

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "SMTP server deferred {Email} ({Reply}); retrying in {Delay}")]
    private static partial void LogDeferred(ILogger logger, string email, string reply, TimeSpan delay);
}
