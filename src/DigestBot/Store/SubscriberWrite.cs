namespace DigestBot.Store;

/// <summary>What an administrative write did with one subscriber.</summary>
public enum SubscriberWrite
{
    Added,
    Updated,

    /// <summary>The address exists and was left as it is (no overwrite asked, or it vanished meanwhile).</summary>
    Unchanged,

    /// <summary>The address was deleted earlier and is on the suppression list.</summary>
    Suppressed,

    /// <summary>The subscriber unsubscribed or bounced, and the write would have made them receive mail again.</summary>
    Withdrawn,
}
