using Dapper;
using DigestBot.Model;

namespace DigestBot.Store;

/// <summary>
/// Editions are claimed before anything is sent: (digest, scheduled slot) is inserted once, so a second fire of the same
/// trigger, a second node or a manual send of the same slot finds the claim and does not start a second edition.
/// </summary>
public sealed class EditionStore(Database database, TimeProvider clock)
{
    public static string EditionIdFor(string digestId, DateTimeOffset slot) =>
        $"{digestId}@{slot.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";

    /// <summary>Claims the slot; returns the existing edition instead when it was claimed before.</summary>
    public async Task<EditionClaim> ClaimAsync(string digestId, DateTimeOffset slot, CancellationToken cancellationToken = default)
    {
        var id = EditionIdFor(digestId, slot);
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO editions (id, digest_id, slot, claimed_at, status) VALUES (@id, @digestId, @slot, @now, 'claimed')
            ON CONFLICT DO NOTHING
            """,
            new { id, digestId, slot = UnixTime.ToMs(slot), now = UnixTime.ToMs(clock.GetUtcNow()) }, cancellationToken: cancellationToken));
        var status = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT status FROM editions WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return new EditionClaim(id, inserted == 1, status ?? "claimed");
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

    /// <summary>The articles chosen for an edition, recorded before delivery so that a resumed edition sends the same content.</summary>
    public async Task<IReadOnlyList<(string SectionId, string ArticleId)>> ChosenArticlesAsync(string editionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, string)>(new CommandDefinition(
            "SELECT section_id, article_id FROM edition_articles WHERE edition_id = @editionId",
            new { editionId }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task RecordContentAsync(Digest digest, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var section in digest.Sections)
        {
            foreach (var item in section.Items)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO edition_articles (edition_id, digest_id, article_id, section_id)
                    VALUES (@editionId, @digestId, @articleId, @sectionId) ON CONFLICT DO NOTHING
                    """,
                    new { editionId = digest.EditionId, digestId = digest.DigestId, articleId = item.Article.Id, sectionId = section.SectionId },
                    transaction, cancellationToken: cancellationToken));
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE editions SET articles = @count, status = 'delivering' WHERE id = @id",
            new { count = digest.ArticleCount, id = digest.EditionId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CompleteAsync(string editionId, string status, IReadOnlyList<DeliveryResult> results, string? error, CancellationToken cancellationToken = default)
    {
        var email = results.Where(r => r.Channel == "email").ToList();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE editions SET status = @status, completed_at = @now, emails_sent = @sent, emails_failed = @failed,
                                discord_posts = @posts, error = @error
            WHERE id = @editionId
            """,
            new
            {
                editionId,
                status,
                now = UnixTime.ToMs(clock.GetUtcNow()),
                sent = email.Sum(r => r.Sent),
                failed = email.Sum(r => r.Failed),
                posts = results.Where(r => r.Channel == "discord").Sum(r => r.Sent),
                error,
            },
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

/// <summary>The outcome of claiming a slot: <see cref="IsNew"/> is false when another run claimed it first.</summary>
public sealed record EditionClaim(string EditionId, bool IsNew, string Status)
{
    public bool IsFinished => Status is "sent" or "empty";
}
