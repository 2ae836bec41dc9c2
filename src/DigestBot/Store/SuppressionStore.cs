using Dapper;

namespace DigestBot.Store;

/// <summary>Reads the suppression list kept for addresses deleted from the subscriber list.</summary>
public sealed class SuppressionStore(Database database)
{
    public async Task<SuppressionRecord?> FindAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Reason, long SuppressedAt)>(new CommandDefinition(
            "SELECT reason, suppressed_at FROM suppressions WHERE address_hash = @hash", new { hash = AddressHash.Of(email) },
            cancellationToken: cancellationToken));
        return rows.Select(r => new SuppressionRecord(r.Reason, UnixTime.FromMs(r.SuppressedAt))).FirstOrDefault();
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM suppressions", cancellationToken: cancellationToken));
    }
}
