using System.Text.Json;
using Dapper;
using DigestBot.Model;

namespace DigestBot.Store;

/// <summary>Read-only queries behind the public archive. Lists and feeds hold finished editions (sent or partial); a
/// single page is served as soon as its content is recorded, since its emails already link to it while they go out.</summary>
public sealed class ArchiveQueries(Database database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<int> CountAsync(string digestId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM editions WHERE digest_id = @digestId AND status IN ('sent', 'partial') AND content IS NOT NULL",
            new { digestId }, cancellationToken: cancellationToken));
    }

    /// <summary>Finished editions, newest first.</summary>
    public async Task<IReadOnlyList<ArchivedEdition>> PageAsync(string digestId, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT status AS Status, completed_at AS CompletedAt, content AS Content FROM editions
            WHERE digest_id = @digestId AND status IN ('sent', 'partial') AND content IS NOT NULL
            ORDER BY slot DESC LIMIT @take OFFSET @skip
            """, new { digestId, skip, take }, cancellationToken: cancellationToken));
        return rows.Select(ToEdition).ToList();
    }

    /// <summary>Editions with recorded content (delivering or finished) scheduled in [from, to), oldest first.</summary>
    public async Task<IReadOnlyList<ArchivedEdition>> BetweenAsync(string digestId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT status AS Status, completed_at AS CompletedAt, content AS Content FROM editions
            WHERE digest_id = @digestId AND status IN ('delivering', 'sent', 'partial') AND content IS NOT NULL
              AND slot >= @from AND slot < @to
            ORDER BY slot
            """, new { digestId, from = UnixTime.ToMs(from), to = UnixTime.ToMs(to) }, cancellationToken: cancellationToken));
        return rows.Select(ToEdition).ToList();
    }

    /// <summary>Slots in [from, before) of editions that were claimed and did not end empty: they may be (or become) archived.</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> OtherSlotsAsync(string digestId, DateTimeOffset from, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var slots = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT slot FROM editions WHERE digest_id = @digestId AND status <> 'empty' AND slot >= @from AND slot < @before",
            new { digestId, from = UnixTime.ToMs(from), before = UnixTime.ToMs(before) }, cancellationToken: cancellationToken));
        return slots.Select(UnixTime.FromMs).ToList();
    }

    private static ArchivedEdition ToEdition(Row row) =>
        new(JsonSerializer.Deserialize<Digest>(row.Content, Json)!, row.Status, UnixTime.FromMs(row.CompletedAt));

    // Setters rather than a positional record: Dapper then converts BIGINT per property on both providers.
    private sealed class Row
    {
        public string Status { get; set; } = "";
        public long? CompletedAt { get; set; }
        public string Content { get; set; } = "";
    }
}
