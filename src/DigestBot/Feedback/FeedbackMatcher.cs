using DigestBot.Deliver.Email;
using DigestBot.Store;

namespace DigestBot.Feedback;

/// <summary>
/// Finds the reader a report is about: by the signed return path first (it names the very message), then by the
/// recipient address, then by the original Message-Id in the email ledger. A return path whose token does not verify
/// is not trusted: anyone can send mail to bounces+anything@.
/// </summary>
internal sealed class FeedbackMatcher(ReturnPaths returnPaths, EmailLedger ledger, SubscriberStore subscribers)
{
    /// <summary>The match, or null; <paramref name="forged"/> tells that a return path was given but did not verify.</summary>
    public async Task<(FeedbackMatch? Match, bool Forged)> MatchAsync(FeedbackReport report, CancellationToken cancellationToken = default)
    {
        var forged = false;
        if (!string.IsNullOrWhiteSpace(report.ReturnPath))
        {
            if (returnPaths.MessageId(report.ReturnPath) is { } messageId)
            {
                if (await ledger.FindMessageAsync(messageId, cancellationToken) is { } sent && await subscribers.FindAsync(sent.Email, cancellationToken) is not null)
                {
                    return (new FeedbackMatch(sent.Email, sent.EditionId, messageId, "return path"), false);
                }
            }
            else
            {
                forged = true;
            }
        }

        var original = string.IsNullOrWhiteSpace(report.OriginalMessageId) ? null : report.OriginalMessageId.Trim().Trim('<', '>');
        var message = original is null ? null : await ledger.FindMessageAsync(original, cancellationToken);
        if (!string.IsNullOrWhiteSpace(report.Recipient) && await subscribers.FindAsync(report.Recipient, cancellationToken) is { } reader)
        {
            // The message id names the edition only when it was sent to this reader.
            var edition = message is { } m && m.Email == reader.Email ? m.EditionId : null;
            return (new FeedbackMatch(reader.Email, edition, edition is null ? null : original, "recipient"), forged);
        }

        if (message is { } byId && await subscribers.FindAsync(byId.Email, cancellationToken) is not null)
        {
            return (new FeedbackMatch(byId.Email, byId.EditionId, original, "message id"), forged);
        }

        return (null, forged);
    }
}
