using DigestBot.Model;
using DigestBot.Options;

namespace DigestBot.Deliver;

/// <summary>
/// One way an edition reaches its readers (email, Discord). The pipeline runs every channel the digest uses, one after
/// the other in the order they are registered; a channel records what it delivered in its own ledger, so a resumed
/// edition sends only what is missing.
/// </summary>
public interface IDeliveryChannel
{
    /// <summary>The channel's name in results, metrics (<c>channel</c> tag) and the command line's summary.</summary>
    string Name { get; }

    /// <summary>Whether the digest sends on this channel.</summary>
    bool IsUsedBy(DigestOptions digest);

    /// <summary>
    /// Subscribers per claimable batch when the edition's content is recorded (in the same transaction, so every node
    /// sees the same batches), or null when this channel has no batches.
    /// </summary>
    int? BatchSize(DigestOptions digest) => null;

    /// <summary>
    /// Delivers the edition, or what is still missing of it. Cancelling <paramref name="stop"/> is a graceful stop: the
    /// channel finishes what is in hand and answers <see cref="ChannelState.Interrupted"/>.
    /// </summary>
    Task<ChannelOutcome> DeliverAsync(EditionDelivery edition, CancellationToken stop);
}
