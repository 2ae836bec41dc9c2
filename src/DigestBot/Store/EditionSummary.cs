namespace DigestBot.Store;

/// <summary>One row of the editions table as the status page shows it.</summary>
public sealed record EditionSummary(
    string Id,
    string DigestId,
    DateTimeOffset Slot,
    DateTimeOffset? CompletedAt,
    string Status,
    int Articles,
    int EmailsSent,
    int EmailsFailed,
    int DiscordPosts,
    string? Error);
