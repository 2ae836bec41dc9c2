using DigestBot.Model;
using DigestBot.Render.Email;
using DigestBot.Store;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;

namespace DigestBot.Deliver.Email;

/// <summary>Sends one edition to every active subscriber not yet in the ledger, recording each message the server accepted.</summary>
public sealed partial class EmailDelivery(
    SubscriberStore subscribers,
    EmailLedger ledger,
    EmailRenderer renderer,
    EmailMessageFactory messages,
    SmtpConnector connector,
    ILogger<EmailDelivery> logger)
{
    public Task<DeliveryResult> DeliverAsync(Digest digest, CancellationToken cancellationToken = default) =>
        DeliverAsync(digest, subscribers.StreamActiveAsync(cancellationToken: cancellationToken), cancellationToken);

    /// <summary>Sends the edition to the given recipients (one batch of a fan-out); the ledger still skips those already sent.</summary>
    public async Task<DeliveryResult> DeliverAsync(Digest digest, IAsyncEnumerable<Subscriber> recipients, CancellationToken cancellationToken = default)
    {
        var done = await ledger.SentAsync(digest.EditionId, cancellationToken);
        int sent = 0, failed = 0, skipped = 0;
        SmtpClient? client = null;
        try
        {
            await foreach (var subscriber in recipients.WithCancellation(cancellationToken))
            {
                var model = messages.Model(digest, subscriber);
                if (done.Contains(subscriber.Email) || !subscriber.Reads(digest.DigestId) || model.Sections.Count == 0)
                {
                    skipped++;
                    continue;
                }

                var message = messages.Create(digest, subscriber, await renderer.RenderAsync(model));
                client ??= await connector.ConnectAsync(cancellationToken);
                try
                {
                    await client.SendAsync(message, cancellationToken);
                }
                catch (SmtpCommandException ex)
                {
                    failed++;
                    LogRejected(logger, subscriber.Email, (int)ex.StatusCode, ex.Message);
                    await ledger.RecordFailedAsync(digest.EditionId, subscriber.Email, $"{(int)ex.StatusCode} {ex.Message}", cancellationToken);
                    continue;
                }

                await ledger.RecordSentAsync(digest.EditionId, subscriber.Email, message.MessageId ?? "", cancellationToken);
                sent++;
            }
        }
        finally
        {
            if (client is not null)
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(true, CancellationToken.None);
                }

                client.Dispose();
            }
        }

        LogDelivered(logger, digest.EditionId, sent, failed, skipped);
        return new DeliveryResult("email", sent, failed, skipped);
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "SMTP server rejected {Email}: {Status} {Error}")]
    private static partial void LogRejected(ILogger logger, string email, int status, string error);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Edition {EditionId}: {Sent} emails sent, {Failed} failed, {Skipped} skipped")]
    private static partial void LogDelivered(ILogger logger, string editionId, int sent, int failed, int skipped);
}
