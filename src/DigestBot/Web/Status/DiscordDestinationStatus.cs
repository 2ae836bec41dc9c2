namespace DigestBot.Web.Status;

/// <summary>A Discord destination: how it is reached ("webhook", "bot", "outbox" when it has neither a webhook nor a channel, or "not configured"), who posts to it, what it received.</summary>
public sealed record DiscordDestinationStatus(
    string Name,
    string Mode,
    IReadOnlyList<string> Digests,
    long Posts,
    DateTimeOffset? LastPostedAt);
