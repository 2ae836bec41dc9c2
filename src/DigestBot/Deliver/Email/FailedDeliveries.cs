using DigestBot.Model;
using DigestBot.Store;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;

namespace DigestBot.Deliver.Email;

/// <summary>What a message's final failure leaves behind: a failed row in the ledger and, for a 5xx, a bounce counted.</summary>
internal sealed partial class FailedDeliveries(string editionId, EmailLedger ledger, SubscriberStore subscribers, int bounceThreshold, ILogger logger)
{
    /// <summary>4xx on every attempt.</summary>
    public void GaveUp(MailJob job, SmtpCommandException error, int attempts, CancellationToken cancellationToken = default)
    {
        var reason = SmtpErrors.Describe(error);
        LogGaveUp(logger, job.Subscriber.Email, attempts, reason);
        ledger.RecordFailedAsync(editionId, job.Subscriber.Email, reason, attempts, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>5xx: this subscriber's delivery failed; enough of those and the address counts as bounced.</summary>
    public void Rejected(MailJob job, SmtpCommandException error, CancellationToken cancellationToken = default)
    {
        var reason = SmtpErrors.Describe(error);
        LogRejected(logger, job.Subscriber.Email, reason);
        ledger.RecordFailedAsync(editionId, job.Subscriber.Email, reason, job.Attempt + 1, cancellationToken).GetAwaiter().GetResult();
        if (subscribers.RecordBounceAsync(job.Subscriber.Email, bounceThreshold, cancellationToken).GetAwaiter().GetResult() == SubscriberStatus.Bounced)
        {
            LogBounced(logger, job.Subscriber.Email, bounceThreshold);
        }
    }

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "Giving up on {Email} after {Attempts} attempts: {Reply}")]
    private static partial void LogGaveUp(ILogger logger, string email, int attempts, string reply);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "SMTP server rejected {Email}: {Reply}")]
    private static partial void LogRejected(ILogger logger, string email, string reply);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "{Email} marked bounced after {Threshold} permanent failures")]
    private static partial void LogBounced(ILogger logger, string email, int threshold);
}
