namespace DigestBot.Store;

public sealed record DiscordPostedPart(int Part, string? MessageId, string? ChannelId);
