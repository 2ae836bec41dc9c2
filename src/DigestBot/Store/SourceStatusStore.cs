using Dapper;

namespace DigestBot.Store;

/// <summary>Per-source fetch state: validators for conditional GET, and the last error an admin should see.</summary>
public sealed class SourceStatusStore(Database database, TimeProvider clock)
{
    public async Task<SourceStatus?> GetAsync(string sourceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SourceStatus>(new CommandDefinition(
            """
            SELECT source_id AS SourceId, last_attempt AS LastAttempt, last_success AS LastSuccess, last_error AS LastError,
                   etag AS ETag, last_modified AS LastModified, items AS Items
            FROM source_status WHERE source_id = @sourceId
            """, new { sourceId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<SourceStatus>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SourceStatus>(new CommandDefinition(
            """
            SELECT source_id AS SourceId, last_attempt AS LastAttempt, last_success AS LastSuccess, last_error AS LastError,
                   etag AS ETag, last_modified AS LastModified, items AS Items
            FROM source_status ORDER BY source_id
            """, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task RecordSuccessAsync(string sourceId, int items, string? etag, string? lastModified, CancellationToken cancellationToken = default)
    {
        var now = UnixTime.ToMs(clock.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO source_status (source_id, last_attempt, last_success, last_error, etag, last_modified, items)
            VALUES (@sourceId, @now, @now, NULL, @etag, @lastModified, @items)
            ON CONFLICT (source_id) DO UPDATE SET last_attempt = @now, last_success = @now, last_error = NULL,
                etag = COALESCE(@etag, source_status.etag), last_modified = COALESCE(@lastModified, source_status.last_modified),
                items = @items
            """, new { sourceId, now, etag, lastModified, items }, cancellationToken: cancellationToken));
    }

    public async Task RecordFailureAsync(string sourceId, string error, CancellationToken cancellationToken = default)
    {
        var now = UnixTime.ToMs(clock.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO source_status (source_id, last_attempt, last_error) VALUES (@sourceId, @now, @error)
            ON CONFLICT (source_id) DO UPDATE SET last_attempt = @now, last_error = @error
            """, new { sourceId, now, error }, cancellationToken: cancellationToken));
    }
}

public sealed record SourceStatus(string SourceId, long? LastAttempt, long? LastSuccess, string? LastError, string? ETag, string? LastModified, long Items);
