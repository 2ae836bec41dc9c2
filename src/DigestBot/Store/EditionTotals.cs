namespace DigestBot.Store;

/// <summary>What an edition delivered, counted from the ledgers (so a resumed edition counts every run's work).</summary>
public sealed record EditionTotals(int EmailsSent, int EmailsFailed, int DiscordPosts)
{
    public static EditionTotals None { get; } = new(0, 0, 0);
}
