using DigestBot.Model;

namespace DigestBot.Store;

/// <summary>What a recorded event does to its reader: the status they take (Bounced or Complained) and the suppression's reason.</summary>
public sealed record FeedbackSuppression(SubscriberStatus Status, string Reason);
