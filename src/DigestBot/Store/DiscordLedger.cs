using Dapper;

namespace DigestBot.Store;

/// <summary>
/// The Discord messages posted for an edition, one row per (destination, part), written after Discord returned the
/// message, so a re-run posts only what is missing; and the destinations Discord told us are gone (401/403/404).
/// </summary>
public sealed class DiscordLedger(Database database, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<int, DiscordPostedPart>> PostedPartsAsync(string editionId, string destination, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var parts = await connection.QueryAsync<PostRow>(new CommandDefinition(
            """
            SELECT part AS Part, message_id AS MessageId, channel_id AS ChannelId
            FROM discord_posts WHERE edition_id = @editionId AND destination = @destination
            """,
            new { editionId, destination }, cancellationToken: cancellationToken));
        return parts.ToDictionary(p => p.Part, p => new DiscordPostedPart(p.Part, p.MessageId, p.ChannelId));
    }

    public async Task RecordAsync(string editionId, string destination, int part, string? messageId, string? channelId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO discord_posts (edition_id, destination, part, message_id, channel_id, posted_at)
            VALUES (@editionId, @destination, @part, @messageId, @channelId, @now) ON CONFLICT DO NOTHING
            """, new { editionId, destination, part, messageId, channelId, now = UnixTime.ToMs(clock.GetUtcNow()) }, cancellationToken: cancellationToken));
    }

    /// <summary>The disabled record of a destination, when it was disabled for the target it still points at.</summary>
    public async Task<DiscordDestinationState?> DisabledAsync(string destination, string targetHash, CancellationToken cancellationToken = default)
    {
        var state = await StateAsync(destination, cancellationToken);
        return state is { Status: DiscordDestinationState.Disabled } && state.TargetHash == targetHash ? state : null;
    }

    public async Task<DiscordDestinationState?> StateAsync(string destination, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(
            """
            SELECT status AS Status, target_hash AS TargetHash, http_status AS HttpStatus, error_code AS ErrorCode,
                   reason AS Reason, changed_at AS ChangedAt
            FROM discord_destinations WHERE destination = @destination
            """,
            new { destination }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new DiscordDestinationState(destination, row.Status, row.TargetHash, row.HttpStatus, row.ErrorCode, row.Reason, UnixTime.FromMs(row.ChangedAt));
    }

    /// <summary>Marks a destination disabled for this target; a changed webhook URL, channel or token enables it again.</summary>
    public async Task DisableAsync(string destination, string targetHash, int httpStatus, int? errorCode, string reason, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO discord_destinations (destination, status, target_hash, http_status, error_code, reason, changed_at)
            VALUES (@destination, 'disabled', @targetHash, @httpStatus, @errorCode, @reason, @now)
            ON CONFLICT (destination) DO UPDATE SET status = 'disabled', target_hash = @targetHash, http_status = @httpStatus,
                error_code = @errorCode, reason = @reason, changed_at = @now
            """,
            new { destination, targetHash, httpStatus, errorCode, reason, now = UnixTime.ToMs(clock.GetUtcNow()) }, cancellationToken: cancellationToken));
    }

    private sealed class PostRow
    {
        public int Part { get; set; }

        public string? MessageId { get; set; }

        public string? ChannelId { get; set; }
    }

    private sealed class StateRow
    {
        public string Status { get; set; } = "";

        public string TargetHash { get; set; } = "";

        public int? HttpStatus { get; set; }

        public int? ErrorCode { get; set; }

        public string? Reason { get; set; }

        public long ChangedAt { get; set; }
    }
}
