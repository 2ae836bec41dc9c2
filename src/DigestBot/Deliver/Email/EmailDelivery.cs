using System.Runtime.ExceptionServices;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Email;
using DigestBot.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Deliver.Email;

/// <summary>
/// Sends one edition to every active subscriber not yet in the ledger: subscribers are streamed from the store in pages,
/// a pool of Smtp:Connections reused connections (a thread each) sends them under the Smtp:MaxMessagesPerSecond cap,
/// and each message the server accepted is recorded in the ledger (group commit, never before acceptance).
/// </summary>
public sealed partial class EmailDelivery(
    SubscriberStore subscribers,
    EmailLedger ledger,
    EmailRenderer renderer,
    EmailMessageFactory messages,
    SmtpConnector connector,
    IOptions<SmtpOptions> smtpOptions,
    IOptions<EmailOptions> emailOptions,
    TimeProvider clock,
    ILogger<EmailDelivery> logger)
{
    /// <summary>Sends the edition to every active subscriber the ledger does not list as sent.</summary>
    public Task<DeliveryResult> DeliverAsync(Digest digest, CancellationToken cancellationToken = default) =>
        DeliverAsync(digest, subscribers.StreamUnsentAsync(digest.EditionId, cancellationToken: cancellationToken), cancellationToken);

    /// <summary>Sends the edition to the given recipients (one batch of a fan-out); those the ledger lists as sent are skipped.</summary>
    public async Task<DeliveryResult> DeliverAsync(Digest digest, IAsyncEnumerable<Subscriber> recipients, CancellationToken cancellationToken = default)
    {
        var smtp = smtpOptions.Value;
        var started = clock.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var variants = new EmailVariants(digest, renderer, messages);
        var feed = new RecipientFeed(ledger.WithoutSentAsync(digest.EditionId, recipients, stop.Token), digest, stop.Token);
        using var ledgerWriter = new LedgerWriter(ledger.OpenRecorder());
        var fanOut = new FanOut(digest, smtp, emailOptions.Value.BounceThreshold, ledger, subscribers, feed, ledgerWriter, clock, logger);
        var connections = new SmtpConnections(connector, smtp, clock, logger);
        var pacer = new SendPacer(smtp.MaxMessagesPerSecond, clock);
        Exception? failure = null;

        void Guard(Action body)
        {
            try
            {
                body();
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && stop.IsCancellationRequested))
            {
                Interlocked.CompareExchange(ref failure, ex, null);
                stop.Cancel();
            }
            catch (OperationCanceledException)
            {
            }
        }

        try
        {
            await Task.WhenAll(Enumerable.Range(0, smtp.Connections).Select(_ => Task.Factory.StartNew(
                () => Guard(() => new SmtpSendWorker(fanOut, connections, pacer, job => Build(digest, variants, job)).Run(stop.Token)),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
        }
        finally
        {
            await feed.DisposeAsync();
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = fanOut.Result;
        var elapsed = clock.GetElapsedTime(started);
        LogDelivered(logger, digest.EditionId, result.Sent, result.Failed, result.Skipped, variants.Count, elapsed,
            result.Sent / Math.Max(elapsed.TotalSeconds, 0.001));
        return result;
    }

    private MimeKit.MimeMessage Build(Digest digest, EmailVariants variants, MailJob job)
    {
        var variant = variants.ForAsync(job.Subscriber).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException($"No sections to send to {job.Subscriber.Email}.");
        return messages.Create(digest, job.Subscriber, variant);
    }

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information,
        Message = "Edition {EditionId}: {Sent} emails sent, {Failed} failed, {Skipped} skipped ({Variants} variants) in {Elapsed}, {Rate:F0} msg/s")]
    private static partial void LogDelivered(ILogger logger, string editionId, int sent, int failed, int skipped, int variants, TimeSpan elapsed, double rate);
}
