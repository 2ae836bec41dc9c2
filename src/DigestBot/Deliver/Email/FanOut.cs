using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Store;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;

namespace DigestBot.Deliver.Email;

/// <summary>
/// The shared state of one edition's fan-out, used by the sending threads: the next message to send (a retry that is
/// due, else the next subscriber), what happened to each message, and when all is done: the feed is empty, no retry
/// is waiting and no message is still being sent (a message in hand may yet be deferred and come back as a retry).
/// </summary>
internal sealed partial class FanOut(
    Digest digest, SmtpOptions smtp, int bounceThreshold, EmailLedger ledger, SubscriberStore subscribers,
    RecipientFeed feed, LedgerWriter ledgerWriter, TimeProvider clock, ILogger logger)
{
    /// <summary>How long an idle thread sleeps before it looks again (a retry's time or the fake clock of a test may move).</summary>
    private static readonly TimeSpan IdleCheck = TimeSpan.FromMilliseconds(100);

    private readonly object gate = new();
    private readonly List<(long Due, MailJob Job)> retries = [];
    private int inHand;
    private int sent;
    private int failed;

    public DeliveryResult Result => new("email", sent, failed, feed.Skipped);

    /// <summary>
    /// Blocks until there is a message to send (true) or the fan-out is done (false). With <paramref name="block"/> false
    /// it does not block: false then also means nothing is ready yet.
    /// </summary>
    public bool TryTake(out MailJob job, CancellationToken cancellationToken = default, bool block = true)
    {
        lock (gate)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var now = clock.GetTimestamp();
                var due = retries.FindIndex(r => r.Due <= now);
                if (due >= 0)
                {
                    job = retries[due].Job;
                    retries.RemoveAt(due);
                    inHand++;
                    return true;
                }

                if (feed.TryNext(out var subscriber))
                {
                    job = new MailJob(subscriber);
                    inHand++;
                    return true;
                }

                if (retries.Count == 0 && inHand == 0)
                {
                    Monitor.PulseAll(gate);
                    job = null!;
                    return false;
                }

                if (!block)
                {
                    job = null!;
                    return false;
                }

                var wait = retries.Count == 0 ? IdleCheck : TimeSpan.FromTicks(Math.Min(IdleCheck.Ticks, clock.GetElapsedTime(now, retries.Min(r => r.Due)).Ticks));
                Monitor.Wait(gate, wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait);
            }
        }
    }

    /// <summary>
    /// The server accepted the message: only now does it go to the ledger. Returns the row's ticket: the connection
    /// must pass it to <see cref="Recorded"/> before it sends another message.
    /// </summary>
    public long Accepted(MailJob job)
    {
        var ticket = ledgerWriter.HandOver(new AcceptedEmail(digest.EditionId, job.Subscriber.Email, job.Message?.MessageId ?? "", job.Attempt + 1));
        Interlocked.Increment(ref sent);
        Done(job);
        return ticket;
    }

    /// <summary>Returns when the accepted message's row is committed (see <see cref="LedgerWriter.WaitCommitted"/>).</summary>
    public void Recorded(long ticket) => ledgerWriter.WaitCommitted(ticket);

    /// <summary>4xx: try again later (a fresh connection, a longer wait each time) until the attempts run out.</summary>
    public void Deferred(MailJob job, SmtpCommandException error, CancellationToken cancellationToken = default)
    {
        var attempts = job.Attempt + 1;
        if (attempts >= smtp.MaxAttempts)
        {
            LogGaveUp(logger, job.Subscriber.Email, attempts, SmtpErrors.Describe(error));
            ledger.RecordFailedAsync(digest.EditionId, job.Subscriber.Email, SmtpErrors.Describe(error), attempts, cancellationToken).GetAwaiter().GetResult();
            Interlocked.Increment(ref failed);
            Done(job);
            return;
        }

        var delay = smtp.RetryDelay * Math.Pow(2, job.Attempt);
        LogDeferred(logger, job.Subscriber.Email, SmtpErrors.Describe(error), delay);
        lock (gate)
        {
            retries.Add((clock.GetTimestamp() + (long)(delay.TotalSeconds * clock.TimestampFrequency), job with { Attempt = attempts }));
            inHand--;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>5xx: this subscriber's delivery failed; enough of those and the address counts as bounced.</summary>
    public void Rejected(MailJob job, SmtpCommandException error, CancellationToken cancellationToken = default)
    {
        var reason = SmtpErrors.Describe(error);
        LogRejected(logger, job.Subscriber.Email, reason);
        ledger.RecordFailedAsync(digest.EditionId, job.Subscriber.Email, reason, job.Attempt + 1, cancellationToken).GetAwaiter().GetResult();
        if (subscribers.RecordBounceAsync(job.Subscriber.Email, bounceThreshold, cancellationToken).GetAwaiter().GetResult() == SubscriberStatus.Bounced)
        {
            LogBounced(logger, job.Subscriber.Email, bounceThreshold);
        }

        Interlocked.Increment(ref failed);
        Done(job);
    }

    /// <remarks>
    /// The job's outcome is final, so its message is disposed. MimeKit's messages and entities have finalizers: left to
    /// the GC, every message survived its first collection and was finalized later, which made each collection a gen1
    /// one (about half the CPU of building and writing messages went to the GC).
    /// </remarks>
    private void Done(MailJob job)
    {
        job.Message?.Dispose();
        lock (gate)
        {
            inHand--;
            if (inHand == 0)
            {
                Monitor.PulseAll(gate);
            }
        }
    }

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "SMTP server deferred {Email} ({Reply}); retrying in {Delay}")]
    private static partial void LogDeferred(ILogger logger, string email, string reply, TimeSpan delay);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "Giving up on {Email} after {Attempts} attempts: {Reply}")]
    private static partial void LogGaveUp(ILogger logger, string email, int attempts, string reply);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "SMTP server rejected {Email}: {Reply}")]
    private static partial void LogRejected(ILogger logger, string email, string reply);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "{Email} marked bounced after {Threshold} permanent failures")]
    private static partial void LogBounced(ILogger logger, string email, int threshold);
}
