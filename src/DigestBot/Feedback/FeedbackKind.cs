namespace DigestBot.Feedback;

/// <summary>What a mailbox provider told us about one message to one reader after it left our mail server.</summary>
public enum FeedbackKind
{
    /// <summary>Permanent failure (an RFC 3463 status 5.x.x, or a provider's "hard bounce").</summary>
    HardBounce,

    /// <summary>Temporary failure (4.x.x): the address may work again.</summary>
    SoftBounce,

    /// <summary>The reader marked the message as spam (an RFC 5965 feedback report, or a provider's complaint event).</summary>
    Complaint,
}
