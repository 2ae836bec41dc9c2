using Dapper;
using DigestBot.Model;
using DigestBot.Store;

namespace DigestBot.Editions;

/// <summary>
/// Editions are claimed before anything is sent: (digest, scheduled slot) is inserted once, so a second fire of the same
/// trigger, a second node or a manual send of the same slot finds the claim and does not start a second edition.
/// The claimant holds a lease it renews while it works; when the lease runs out (the node died) another claimant takes over.
/// Leases run on the database's clock (<see cref="DatabaseClock"/>); this node's clock only stamps when things happened.
/// </summary>
public sealed class EditionStore(Database database, TimeProvider clock, NodeIdentity node)
{
    private readonly string dbNow = DatabaseClock.NowMs(database.Provider);

    public static string EditionIdFor(string digestId, DateTimeOffset slot) =>
        $"{digestId}@{slot.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";

    /// <summary>Claims the slot, or takes over an unfinished edition of it whose owner's lease ran out.</summary>
    public async Task<EditionClaim> ClaimAsync(string digestId, DateTimeOffset slot, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var id = EditionIdFor(digestId, slot);
        var args = new { id, digestId, slot = UnixTime.ToMs(slot), now = UnixTime.ToMs(clock.GetUtcNow()), lease = DatabaseClock.Ms(lease), owner = node.Id };
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO editions (id, digest_id, slot, claimed_at, status, owner, lease_until)
            VALUES (@id, @digestId, @slot, @now, 'claimed', @owner, {dbNow} + @lease)
            ON CONFLICT DO NOTHING
            """, args, cancellationToken: cancellationToken));
        if (inserted == 1)
        {
            return new EditionClaim(id, digestId, slot, true, EditionStatus.Claimed);
        }

        // One UPDATE decides between concurrent claimants: only one of them sees the expired lease. A live lease is never
        // re-entered, not even by its own node, so one edition never runs twice at once.
        var taken = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE editions SET owner = @owner, lease_until = {dbNow} + @lease
            WHERE id = @id AND status IN ('claimed', 'delivering', 'partial') AND lease_until < {dbNow}
            """, args, cancellationToken: cancellationToken));
        var status = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT status FROM editions WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return new EditionClaim(id, digestId, slot, false, status is null ? EditionStatus.Claimed : EditionStatusText.Parse(status), taken == 1);
    }

    /// <summary>Extends this node's lease on the edition; false when another node has taken it over.</summary>
    public async Task<bool> RenewLeaseAsync(string editionId, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE editions SET lease_until = {dbNow} + @lease WHERE id = @editionId AND owner = @owner",
            new { editionId, owner = node.Id, lease = DatabaseClock.Ms(lease) }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Gives the edition up at once (graceful stop), so another node or a restart resumes it without waiting.</summary>
    public async Task ReleaseLeaseAsync(string editionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE editions SET lease_until = 0 WHERE id = @editionId AND owner = @owner",
            new { editionId, owner = node.Id }, cancellationToken: cancellationToken));
    }

    /// <summary>Unfinished editions no live node holds: their owner died, stopped, or gave up.</summary>
    public async Task<IReadOnlyList<UnfinishedEdition>> OrphanedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string DigestId, long Slot)>(new CommandDefinition(
            $"SELECT id, digest_id, slot FROM editions WHERE status IN ('claimed', 'delivering') AND lease_until < {dbNow} ORDER BY slot",
            cancellationToken: cancellationToken));
        return rows.Select(r => new UnfinishedEdition(r.Id, r.DigestId, UnixTime.FromMs(r.Slot))).ToList();
    }

    /// <summary>The latest slot of this digest that any run claimed, finished or not.</summary>
    public async Task<DateTimeOffset?> LastClaimedSlotAsync(string digestId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var slot = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(slot) FROM editions WHERE digest_id = @digestId", new { digestId }, cancellationToken: cancellationToken));
        return UnixTime.FromMs(slot);
    }

    /// <summary>The articles sent in earlier editions of this digest, so that no article is sent twice.</summary>
    public async Task<IReadOnlySet<string>> SentArticleIdsAsync(string digestId, string exceptEditionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT article_id FROM edition_articles WHERE digest_id = @digestId AND edition_id <> @exceptEditionId",
            new { digestId, exceptEditionId }, cancellationToken: cancellationToken));
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The articles of every story sent in earlier editions of this digest, first seen since <paramref name="firstSeenSince"/>,
    /// so ranking can leave out both those articles and re-worded reports of the same stories.
    /// </summary>
    public async Task<IReadOnlyList<Article>> SentStoryArticlesAsync(
        string digestId, string exceptEditionId, DateTimeOffset firstSeenSince, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ArticleRow>(new CommandDefinition(
            """
            SELECT a.id AS Id, a.source_id AS SourceId, a.section_id AS SectionId, a.link AS Link, a.title AS Title,
                   a.summary AS Summary, a.content_html AS ContentHtml, a.published AS Published, a.feed_position AS FeedPosition,
                   a.source_name AS SourceName, a.first_seen AS FirstSeen
            FROM articles a
            WHERE a.first_seen >= @since AND a.id IN (
                SELECT article_id FROM edition_articles WHERE digest_id = @digestId AND edition_id <> @exceptEditionId
                UNION
                SELECT article_id FROM edition_stories WHERE digest_id = @digestId AND edition_id <> @exceptEditionId)
            ORDER BY a.id
            """,
            new { digestId, exceptEditionId, since = UnixTime.ToMs(firstSeenSince) }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToArticle()).ToList();
    }

    public async Task CompleteAsync(string editionId, EditionStatus status, EditionTotals totals, string? error, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE editions SET status = @status, completed_at = @now, emails_sent = @EmailsSent, emails_failed = @EmailsFailed,
                                discord_posts = @DiscordPosts, error = @error, lease_until = 0
            WHERE id = @editionId
            """,
            new { editionId, status = status.ToText(), now = UnixTime.ToMs(clock.GetUtcNow()), totals.EmailsSent, totals.EmailsFailed, totals.DiscordPosts, error },
            cancellationToken: cancellationToken));
    }

    public async Task<DateTimeOffset?> LastCompletedSlotAsync(string digestId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var slot = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(slot) FROM editions WHERE digest_id = @digestId AND status IN ('sent', 'empty')",
            new { digestId }, cancellationToken: cancellationToken));
        return UnixTime.FromMs(slot);
    }
}
