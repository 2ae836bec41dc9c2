using System.Threading.Channels;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Store;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;

namespace DigestBot.Deliver.Email;

/// <summary>
/// The shared state of one edition's fan-out: the work queue, what happened to each message, and when all is done.
/// The queue completes when the producer has finished and every message reached an outcome (retries included).
/// </summary>
internal sealed partial class FanOut(
    Digest digest, SmtpOptions smtp, int bounceThreshold, EmailLedger ledger, SubscriberStore subscribers,
    LedgerWriter ledgerWriter, TimeProvider clock, ILogger logger)
{
    private readonly Channel<MailJob> queue = Channel.CreateBounded<MailJob>(new BoundedChannelOptions(smtp.Connections * 64));

    // Starts at 1 for the producer, which releases it when the subscriber stream ends.
    private int outstanding = 1;
    private int sent;
    private int failed;
    private int skipped;

    public ChannelReader<MailJob> Reader => queue.Reader;

    public DeliveryResult Result => new("email", sent, failed, skipped);

    public async ValueTask AddAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref outstanding);
        await queue.Writer.WriteAsync(new MailJob(subscriber), cancellationToken);
    }

    public void Skip() => Interlocked.Increment(ref skipped);

    public void ProducerDone() => Release();

    /// <summary>The server accepted the message: only now does it go to the ledger.</summary>
    public async Task AcceptedAsync(MailJob job)
    {
        await ledgerWriter.RecordAsync(new AcceptedEmail(digest.EditionId, job.Subscriber.Email, job.Message?.MessageId ?? "", job.Attempt + 1));
        Interlocked.Increment(ref sent);
        Release();
    }

    /// <summary>4xx: try again later (a fresh connection, a longer wait each time) until the attempts run out.</summary>
    public async Task DeferredAsync(MailJob job, SmtpCommandException error, CancellationToken cancellationToken = default)
    {
        var attempts = job.Attempt + 1;
        if (attempts >= smtp.MaxAttempts)
        {
            LogGaveUp(logger, job.Subscriber.Email, attempts, SmtpErrors.Describe(error));
            await ledger.RecordFailedAsync(digest.EditionId, job.Subscriber.Email, SmtpErrors.Describe(error), attempts, cancellationToken);
            Interlocked.Increment(ref failed);
            Release();
            return;
        }

        var delay = smtp.RetryDelay * Math.Pow(2, job.Attempt);
        LogDeferred(logger, job.Subscriber.Email, SmtpErrors.Describe(error), delay);
        _ = RequeueAsync(job with { Attempt = attempts }, delay, cancellationToken);
    }

    /// <summary>5xx: this subscriber's delivery failed; enough of those and the address counts as bounced.</summary>
    public async Task RejectedAsync(MailJob job, SmtpCommandException error, CancellationToken cancellationToken = default)
    {
        var reason = SmtpErrors.Describe(error);
        LogRejected(logger, job.Subscriber.Email, reason);
        await ledger.RecordFailedAsync(digest.EditionId, job.Subscriber.Email, reason, job.Attempt + 1, cancellationToken);
        if (await subscribers.RecordBounceAsync(job.Subscriber.Email, bounceThreshold, cancellationToken) == SubscriberStatus.Bounced)
        {
            LogBounced(logger, job.Subscriber.Email, bounceThreshold);
        }

        Interlocked.Increment(ref failed);
        Release();
    }

    private async Task RequeueAsync(MailJob job, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, clock, cancellationToken);
            await queue.Writer.WriteAsync(job, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The fan-out was stopped; the ledger has no row for this subscriber, so a re-run sends it.
        }
        catch (ChannelClosedException)
        {
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref outstanding) == 0)
        {
            queue.Writer.TryComplete();
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
