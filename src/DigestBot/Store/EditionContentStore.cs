using System.Data.Common;
using System.Text.Json;
using Dapper;
using DigestBot.Model;

namespace DigestBot.Store;

/// <summary>
/// What an edition sends, recorded once before the first message goes out: the digest itself (so a resumed edition
/// sends the same content), the chosen articles (so later editions skip them) and the email batches any node may claim.
/// </summary>
public sealed class EditionContentStore(Database database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Records content and batches (none when <paramref name="batchSize"/> is null: no email) and moves the edition to
    /// delivering, all in one transaction. False, with nothing recorded, when another edition of the digest recorded one
    /// of these articles after this digest was ranked: the caller builds the edition again. With <paramref name="local"/>
    /// the batches are cut by delivery group, each due at its group's instant; without, every batch is due at once.
    /// </summary>
    public async Task<bool> StartDeliveryAsync(Digest digest, int? batchSize, LocalBatchPlan? local = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Ranking read the sent articles outside this transaction. Taking the digest's row first makes recordings of one
        // digest wait for each other (a row lock on PostgreSQL, the write lock on SQLite), so the check below sees every
        // edition recorded before this one.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO digest_locks (digest_id, edition_id) VALUES (@digestId, @editionId)
            ON CONFLICT (digest_id) DO UPDATE SET edition_id = excluded.edition_id
            """, new { digestId = digest.DigestId, editionId = digest.EditionId }, transaction, cancellationToken: cancellationToken));
        if (await SentElsewhereAsync(connection, transaction, digest, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

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
                await RecordStoryAsync(connection, transaction, digest, section.SectionId, item, cancellationToken);
            }
        }

        if (batchSize is { } size && local is not null)
        {
            await LocalBatches.PlanAsync(connection, transaction, digest.EditionId, size, local, cancellationToken);
        }
        else if (batchSize is { } all)
        {
            await PlanBatchesAsync(connection, transaction, digest.EditionId, all, cancellationToken);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE editions SET articles = @count, status = 'delivering', content = @content WHERE id = @id",
            new { count = digest.ArticleCount, id = digest.EditionId, content = JsonSerializer.Serialize(digest, Json) },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<bool> SentElsewhereAsync(DbConnection connection, DbTransaction transaction, Digest digest, CancellationToken cancellationToken)
    {
        var articleIds = digest.Sections.SelectMany(s => s.Items).Select(i => i.Article.Id).Distinct(StringComparer.Ordinal).ToArray();
        if (articleIds.Length == 0)
        {
            return false;
        }

        // Dapper expands "IN @list" for SQLite but passes an array to Npgsql, which needs "= ANY".
        var among = database.Provider == Options.StorageProvider.Postgres ? "= ANY(@articleIds)" : "IN @articleIds";
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"""
            SELECT (SELECT COUNT(*) FROM edition_articles WHERE digest_id = @digestId AND edition_id <> @editionId AND article_id {among})
                 + (SELECT COUNT(*) FROM edition_stories WHERE digest_id = @digestId AND edition_id <> @editionId AND article_id {among})
            """,
            new { digestId = digest.DigestId, editionId = digest.EditionId, articleIds }, transaction, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Every article of the story (the one shown and the other reports of it), so no later edition repeats the story.</summary>
    private static async Task RecordStoryAsync(
        DbConnection connection, DbTransaction transaction, Digest digest, string sectionId, DigestItem item, CancellationToken cancellationToken)
    {
        foreach (var articleId in item.DuplicateArticleIds.Prepend(item.Article.Id))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO edition_stories (edition_id, digest_id, section_id, story_key, article_id)
                VALUES (@editionId, @digestId, @sectionId, @storyKey, @articleId) ON CONFLICT DO NOTHING
                """,
                new { editionId = digest.EditionId, digestId = digest.DigestId, sectionId, storyKey = item.Article.Id, articleId },
                transaction, cancellationToken: cancellationToken));
        }
    }

    private static async Task PlanBatchesAsync(DbConnection connection, DbTransaction transaction, string editionId, int batchSize, CancellationToken cancellationToken)
    {
        // Every batchSize-th active address closes a batch; the last batch is open-ended, so an address added during
        // the fan-out still falls in some batch.
        var boundaries = (await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT email FROM (SELECT email, ROW_NUMBER() OVER (ORDER BY email) AS n FROM subscribers WHERE status = 'Active') ranked
            WHERE n % @batchSize = 0 ORDER BY email
            """, new { batchSize }, transaction, cancellationToken: cancellationToken))).ToList();
        var after = "";
        for (var i = 0; i <= boundaries.Count; i++)
        {
            var last = i < boundaries.Count ? boundaries[i] : null;
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO email_batches (edition_id, batch_no, after_email, last_email, status)
                VALUES (@editionId, @i, @after, @last, 'pending') ON CONFLICT DO NOTHING
                """, new { editionId, i, after, last }, transaction, cancellationToken: cancellationToken));
            after = last ?? after;
        }
    }

    /// <summary>The digest recorded for the edition, or null when delivery never started.</summary>
    public async Task<Digest?> LoadAsync(string editionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var content = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT content FROM editions WHERE id = @editionId", new { editionId }, cancellationToken: cancellationToken));
        return content is null ? null : JsonSerializer.Deserialize<Digest>(content, Json);
    }

    /// <summary>Counts from the ledgers, so every run and every node that worked on the edition is counted once.</summary>
    public async Task<EditionTotals> TotalsAsync(string editionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long Sent, long Failed, long Posts)>(new CommandDefinition(
            """
            SELECT (SELECT COUNT(*) FROM email_deliveries WHERE edition_id = @editionId AND status = 'sent'),
                   (SELECT COUNT(*) FROM email_deliveries WHERE edition_id = @editionId AND status = 'failed'),
                   (SELECT COUNT(*) FROM discord_posts WHERE edition_id = @editionId)
            """, new { editionId }, cancellationToken: cancellationToken));
        return new EditionTotals((int)row.Sent, (int)row.Failed, (int)row.Posts);
    }
}
