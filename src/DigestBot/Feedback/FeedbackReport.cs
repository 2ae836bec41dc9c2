namespace DigestBot.Feedback;

/// <summary>
/// One bounce or complaint about one recipient, as read from a bounce mailbox or a provider's webhook, before it is
/// matched to a subscriber. Every field but <see cref="Kind"/> and <see cref="Source"/> is what the report happened to
/// carry; the sink matches on the return path first, then the recipient, then the original message id.
/// </summary>
/// <param name="Kind">Hard bounce, soft bounce or complaint.</param>
/// <param name="Source">Where it came from, for the log and the suppression reason (e.g. "imap", "postmark").</param>
public sealed record FeedbackReport(FeedbackKind Kind, string Source)
{
    /// <summary>The address the report was delivered to: our per-recipient return path (bounces+token@domain) when set.</summary>
    public string? ReturnPath { get; init; }

    /// <summary>The failed or complaining recipient's address (Original-Recipient, Final-Recipient, or the provider's field).</summary>
    public string? Recipient { get; init; }

    /// <summary>The Message-Id of the message that bounced or was reported, as we sent it (without angle brackets).</summary>
    public string? OriginalMessageId { get; init; }

    /// <summary>The enhanced status code (e.g. 5.1.1) when the report has one.</summary>
    public string? Status { get; init; }

    /// <summary>The remote server's or provider's own words, shortened for the log.</summary>
    public string? Diagnostic { get; init; }

    /// <summary>A provider's id for this event, so a retried delivery of the same event is applied once.</summary>
    public string? EventId { get; init; }

    /// <summary>When the provider says it happened; null means when we read it.</summary>
    public DateTimeOffset? OccurredAt { get; init; }
}
