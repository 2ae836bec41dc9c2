namespace DigestBot.Deliver;

/// <summary>
/// A message could not be written to the outbox (disk full, no permission). Not an <see cref="IOException"/> on purpose:
/// the email senders take those for a dropped connection and retry at once, where this fails the batch, which is
/// handed back and tried again after FanOut:RetryDelay.
/// </summary>
public sealed class OutboxWriteException(string message, Exception inner) : Exception(message, inner);
