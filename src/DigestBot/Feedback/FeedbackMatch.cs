namespace DigestBot.Feedback;

/// <summary>Who a report is about, and how that was found out ("return path", "recipient", "message id").</summary>
internal sealed record FeedbackMatch(string Email, string? EditionId, string? MessageId, string By);
