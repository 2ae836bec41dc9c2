using Dapper;

namespace DigestBot.Store;

/// <summary>The Discord messages posted for an edition, one row per (destination, part), so a re-run never posts twice.</summary>
public sealed class DiscordLedger(Database database, TimeProvider clock)
{
    public async Task<IReadOnlySet<int>> PostedPartsAsync(string editionId, string destination, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var parts = await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT part FROM discord_posts WHERE edition_id = @editionId AND destination = @destination",
            new { editionId, destination }, cancellationToken: cancellationToken));
        return parts.ToHashSet();
    }

    public async Task RecordAsync(string editionId, string destination, int part, string? messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO discord_posts (edition_id, destination, part, message_id, posted_at)
            VALUES (@editionId, @destination, @part, @messageId, @now) ON CONFLICT DO NOTHING
            """, new { editionId, destination, part, messageId, now = UnixTime.ToMs(clock.GetUtcNow()) }, cancellationToken: cancellationToken));
    }
}
