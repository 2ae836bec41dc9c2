using DigestBot.Deliver;
using DigestBot.Deliver.Discord;
using DigestBot.Observability;
using DigestBot.Options;

namespace DigestBot.Pipeline;

/// <summary>Discord as a delivery channel: the digest's destinations, each posted to (or written to the outbox) once per part.</summary>
public sealed class DiscordChannel(DiscordDelivery discord, DigestBotMetrics metrics) : IDeliveryChannel
{
    public string Name => "discord";

    public bool IsUsedBy(DigestOptions digest) => digest.Discord.Count > 0;

    public async Task<ChannelOutcome> DeliverAsync(EditionDelivery edition, CancellationToken stop)
    {
        var posted = await discord.DeliverAsync(edition.Digest, edition.Options.Discord, stop);
        metrics.DiscordPosted(edition.Digest.DigestId, posted.Sent);
        return new ChannelOutcome(posted, posted.Failed == 0 ? ChannelState.Delivered : ChannelState.Failed);
    }
}
