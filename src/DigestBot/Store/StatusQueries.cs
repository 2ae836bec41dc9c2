using Dapper;

namespace DigestBot.Store;

/// <summary>Read-only queries behind the status page; nothing here writes.</summary>
public sealed class StatusQueries(Database database)
{
    public async Task<IReadOnlyList<EditionSummary>> RecentEditionsAsync(string digestId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EditionRow>(new CommandDefinition(
            """
            SELECT id AS Id, digest_id AS DigestId, slot AS Slot, completed_at AS CompletedAt, status AS Status, articles AS Articles,
                   emails_sent AS EmailsSent, emails_failed AS EmailsFailed, discord_posts AS DiscordPosts, error AS Error
            FROM editions WHERE digest_id = @digestId ORDER BY slot DESC LIMIT @limit
            """, new { digestId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new EditionSummary(r.Id, r.DigestId, UnixTime.FromMs(r.Slot), UnixTime.FromMs(r.CompletedAt), r.Status,
            (int)r.Articles, (int)r.EmailsSent, (int)r.EmailsFailed, (int)r.DiscordPosts, r.Error)).ToList();
    }

    /// <summary>Subscriber counts keyed by status name (Active, Pending, Unsubscribed, Bounced).</summary>
    public async Task<IReadOnlyDictionary<string, long>> SubscriberCountsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Status, long Count)>(new CommandDefinition(
            "SELECT status, COUNT(*) FROM subscribers GROUP BY status ORDER BY status", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Status, r => r.Count, StringComparer.OrdinalIgnoreCase);
    }

    public async Task<IReadOnlyList<DiscordPostSummary>> DiscordPostsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Destination, long Posts, long? Last)>(new CommandDefinition(
            "SELECT destination, COUNT(*), MAX(posted_at) FROM discord_posts GROUP BY destination ORDER BY destination",
            cancellationToken: cancellationToken));
        return rows.Select(r => new DiscordPostSummary(r.Destination, r.Posts, UnixTime.FromMs(r.Last))).ToList();
    }

    // A class with setters rather than a positional record: Dapper then converts INTEGER (int on PostgreSQL, long on SQLite) per property.
    private sealed class EditionRow
    {
        public string Id { get; set; } = "";
        public string DigestId { get; set; } = "";
        public long Slot { get; set; }
        public long? CompletedAt { get; set; }
        public string Status { get; set; } = "";
        public long Articles { get; set; }
        public long EmailsSent { get; set; }
        public long EmailsFailed { get; set; }
        public long DiscordPosts { get; set; }
        public string? Error { get; set; }
    }
}
