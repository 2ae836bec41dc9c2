namespace DigestBot.Model;

/// <summary>
/// Statuses that record a reader's withdrawn consent (or a mailbox that refused mail). No administrative write leaves
/// them for a status that receives mail: only the reader's own confirmed opt-in does.
/// </summary>
public static class SubscriberConsent
{
    public static IReadOnlyList<SubscriberStatus> Withdrawn { get; } = [SubscriberStatus.Unsubscribed, SubscriberStatus.Bounced, SubscriberStatus.Complained];

    public static bool IsWithdrawn(this SubscriberStatus status) => Withdrawn.Contains(status);
}
