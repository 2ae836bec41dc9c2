namespace DigestBot.Store;

/// <summary>What one Discord destination has received: how many messages, and when the last one was posted.</summary>
public sealed record DiscordPostSummary(string Destination, long Posts, DateTimeOffset? LastPostedAt);
