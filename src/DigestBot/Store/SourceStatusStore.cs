using Dapper;

namespace DigestBot.Store;

/// <summary>Per-source fetch state: validators for conditional GET, and the last error an admin should see.</summary>
public sealed class SourceStatusStore(Database database, TimeProvider clock)
{
    private const string Columns = """
        source_id AS SourceId, last_attempt AS LastAttempt, last_success AS LastSuccess, last_error AS LastError,
        etag AS ETag, last_modified AS LastModified, items AS Items
        """;

    public async Task<SourceStatus?> GetAsync(string sourceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM source_status WHERE source_id = @sourceId", new { sourceId }, cancellationToken: cancellationToken));
        return row?.ToStatus();
    }

    public async Task<IReadOnlyList<SourceStatus>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM source_status ORDER BY source_id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStatus()).ToList();
    }

    /// <param name="items">Items in the feed just read; null when the server answered 304, which keeps the last count.</param>
    public async Task RecordSuccessAsync(string sourceId, int? items, string? etag, string? lastModified, CancellationToken cancellationToken = default)
    {
        var now = UnixTime.ToMs(clock.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO source_status (source_id, last_attempt, last_success, last_error, etag, last_modified, items)
            VALUES (@sourceId, @now, @now, NULL, @etag, @lastModified, COALESCE(@items, 0))
            ON CONFLICT (source_id) DO UPDATE SET last_attempt = @now, last_success = @now, last_error = NULL,
                etag = COALESCE(@etag, source_status.etag), last_modified = COALESCE(@lastModified, source_status.last_modified),
                items = COALESCE(@items, source_status.items)
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

    // Settable properties, not the positional record: Dapper matches a constructor only on exact types, and items
    // (INTEGER) reads as int on PostgreSQL but long on SQLite; a property setter converts either.
    private sealed class Row
    {
        public string SourceId { get; set; } = "";
        public long? LastAttempt { get; set; }
        public long? LastSuccess { get; set; }
        public string? LastError { get; set; }
        public string? ETag { get; set; }
        public string? LastModified { get; set; }
        public long Items { get; set; }

        public SourceStatus ToStatus() => new(SourceId, LastAttempt, LastSuccess, LastError, ETag, LastModified, Items);
    }
}
