namespace DigestBot.Store;

/// <summary>
/// One bounce or complaint as recorded, already matched to a reader. <paramref name="Key"/> is what makes the same event
/// count once (a provider's event id, or the message, recipient and kind).
/// </summary>
/// <param name="Kind">The report's kind as text: "hard", "soft" or "complaint" (see <see cref="FeedbackEvents"/>).</param>
public sealed record FeedbackEvent(
    string Key, string Email, string? EditionId, string Kind, string Source, string? Status, string? Detail, DateTimeOffset OccurredAt);
