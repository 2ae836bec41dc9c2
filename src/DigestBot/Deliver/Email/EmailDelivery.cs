using System.Runtime.ExceptionServices;
using DigestBot.Deliver.Email.Dkim;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Email;
using DigestBot.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Deliver.Email;

/// <summary>
/// Sends one edition, or one batch of it, to every active subscriber not yet in the ledger: subscribers are streamed
/// from the store in pages and sent through the node's <see cref="SmtpSendQueue"/> (Smtp:Connections reused connections
/// under one Smtp:MaxMessagesPerSecond cap, shared with every other batch being sent), and each message the server
/// accepted is recorded in the ledger (group commit, never before acceptance).
/// </summary>
public sealed partial class EmailDelivery(
    SubscriberStore subscribers,
    EmailLedger ledger,
    EmailRenderer renderer,
    EmailMessageFactory messages,
    DkimSigning dkim,
    SmtpSendQueue queue,
    IOptions<SmtpOptions> smtpOptions,
    IOptions<EmailOptions> emailOptions,
    TimeProvider clock,
    ILogger<EmailDelivery> logger)
{
    /// <summary>Sends the edition to every active subscriber the ledger does not list as sent.</summary>
    public Task<DeliveryResult> DeliverAsync(Digest digest, CancellationToken cancellationToken = default) =>
        DeliverAsync(digest, subscribers.StreamUnsentAsync(digest.EditionId, cancellationToken: cancellationToken), cancellationToken);

    /// <summary>
    /// Sends the edition to the given recipients (one batch of a fan-out); those the ledger lists as sent are skipped.
    /// Returns, or throws, only when every message of the batch has an outcome and each accepted one is in the ledger.
    /// </summary>
    public async Task<DeliveryResult> DeliverAsync(Digest digest, IAsyncEnumerable<Subscriber> recipients, CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var copies = new ReaderCopies(digest);
        var maxMuted = emailOptions.Value.MaxMutedVariants;
        var variants = new EmailVariants(digest, copies, renderer, messages, maxMuted);
        variants.CapReached += () => LogMutedVariantCap(logger, digest.EditionId, maxMuted);
        var feed = new RecipientFeed(ledger.WithoutSentAsync(digest.EditionId, recipients, stop.Token), digest, copies, stop.Token);
        using var ledgerWriter = new LedgerWriter(ledger.OpenRecorder());
        var failures = new FailedDeliveries(digest.EditionId, ledger, subscribers, emailOptions.Value.BounceThreshold, logger);
        using var batch = new FanOut(digest, smtpOptions.Value, feed, ledgerWriter, failures, job => Build(digest, variants, job), stop, clock, logger);
        try
        {
            await queue.SendAsync(batch);
        }
        finally
        {
            await feed.DisposeAsync();
        }

        if (batch.Failure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = batch.Result;
        var elapsed = clock.GetElapsedTime(started);
        LogDelivered(logger, digest.EditionId, result.Sent, result.Failed, result.Skipped, variants.Count, elapsed,
            result.Sent / Math.Max(elapsed.TotalSeconds, 0.001));
        return result;
    }

    private MimeKit.MimeMessage Build(Digest digest, EmailVariants variants, MailJob job)
    {
        var variant = variants.ForAsync(job.Subscriber).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException($"No sections to send to {job.Subscriber.Email}.");
        var message = messages.Create(digest, job.Subscriber, variant);
        dkim.Sign(message);
        return message;
    }

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information,
        Message = "Edition {EditionId}: {Sent} emails sent, {Failed} failed, {Skipped} skipped ({Variants} variants) in {Elapsed}, {Rate:F0} msg/s")]
    private static partial void LogDelivered(ILogger logger, string editionId, int sent, int failed, int skipped, int variants, TimeSpan elapsed, double rate);

    [LoggerMessage(EventId = 5040, Level = LogLevel.Warning,
        Message = "Edition {EditionId}: readers' muted words call for more than {Cap} variants (Email:MaxMutedVariants); further readers with muted stories get a copy rendered for them alone")]
    private static partial void LogMutedVariantCap(ILogger logger, string editionId, int cap);
}
