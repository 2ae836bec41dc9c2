using Dapper;
using DigestBot.Model;
using DigestBot.Options;

namespace DigestBot.Store;

/// <summary>Articles, de-duplicated by stable id and by canonical link: an article seen again is stored once.</summary>
public sealed class ArticleStore(Database database, TimeProvider clock)
{
    private const string Insert = """
        INSERT INTO articles (id, source_id, section_id, link, title, summary, content_html, author, published, updated,
                              categories, image_url, image_width, image_height, image_description, feed_position, source_name, rights, first_seen)
        VALUES (@Id, @SourceId, @SectionId, @Link, @Title, @Summary, @ContentHtml, @Author, @Published, @Updated,
                @Categories, @ImageUrl, @ImageWidth, @ImageHeight, @ImageDescription, @FeedPosition, @SourceName, @Rights, @FirstSeen)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>Stores the articles not seen before; returns how many were new.</summary>
    public async Task<int> AddNewAsync(IReadOnlyCollection<Article> articles, CancellationToken cancellationToken = default)
    {
        if (articles.Count == 0)
        {
            return 0;
        }

        var now = UnixTime.ToMs(clock.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = 0;
        foreach (var article in articles)
        {
            added += await connection.ExecuteAsync(new CommandDefinition(Insert, ArticleRow.From(article, now), transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>Articles of the given sections first seen since <paramref name="since"/>, newest first.</summary>
    public async Task<IReadOnlyList<Article>> ListRecentAsync(
        IReadOnlyCollection<string> sectionIds, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        // Dapper expands a list into IN (...) for SQLite but passes a native array to Npgsql, which needs = ANY.
        var sectionFilter = database.Provider == StorageProvider.Postgres ? "section_id = ANY(@sectionIds)" : "section_id IN @sectionIds";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ArticleRow>(new CommandDefinition(
            $"""
            SELECT id AS Id, source_id AS SourceId, section_id AS SectionId, link AS Link, title AS Title, summary AS Summary,
                   content_html AS ContentHtml, author AS Author, published AS Published, updated AS Updated,
                   categories AS Categories, image_url AS ImageUrl, image_width AS ImageWidth, image_height AS ImageHeight,
                   image_description AS ImageDescription, feed_position AS FeedPosition,
                   source_name AS SourceName, rights AS Rights, first_seen AS FirstSeen
            FROM articles
            WHERE first_seen >= @since AND {sectionFilter}
            ORDER BY published DESC, id
            """,
            new { since = UnixTime.ToMs(since), sectionIds = sectionIds.ToArray() }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToArticle()).ToList();
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM articles", cancellationToken: cancellationToken));
    }
}
