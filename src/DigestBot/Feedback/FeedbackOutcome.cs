namespace DigestBot.Feedback;

/// <summary>What applying one <see cref="FeedbackReport"/> did.</summary>
public enum FeedbackOutcome
{
    /// <summary>Matched to a subscriber and recorded (the subscriber may now be suppressed).</summary>
    Applied,

    /// <summary>The same event was applied before (a retried webhook, a report read twice); nothing changed.</summary>
    AlreadyApplied,

    /// <summary>No subscriber matches: a person should look at it (a mailbox leaves the message in place).</summary>
    Unmatched,
}
