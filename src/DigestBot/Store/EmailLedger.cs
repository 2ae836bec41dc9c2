using Dapper;

namespace DigestBot.Store;

/// <summary>
/// One row per (edition, subscriber), written only after the SMTP server accepted the message: a re-run or a restart
/// sends only what is missing.
/// </summary>
public sealed class EmailLedger(Database database, TimeProvider clock)
{
    public async Task<IReadOnlySet<string>> SentAsync(string editionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var emails = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT email FROM email_deliveries WHERE edition_id = @editionId AND status = 'sent'",
            new { editionId }, cancellationToken: cancellationToken));
        return emails.ToHashSet(StringComparer.Ordinal);
    }

    public async Task RecordSentAsync(string editionId, string email, string messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO email_deliveries (edition_id, email, status, attempts, message_id, sent_at)
            VALUES (@editionId, @email, 'sent', 1, @messageId, @now)
            ON CONFLICT (edition_id, email) DO UPDATE SET status = 'sent', attempts = email_deliveries.attempts + 1,
                message_id = @messageId, sent_at = @now, last_error = NULL
            """, new { editionId, email, messageId, now = UnixTime.ToMs(clock.GetUtcNow()) }, cancellationToken: cancellationToken));
    }

    public async Task RecordFailedAsync(string editionId, string email, string error, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO email_deliveries (edition_id, email, status, attempts, last_error)
            VALUES (@editionId, @email, 'failed', 1, @error)
            ON CONFLICT (edition_id, email) DO UPDATE SET status = 'failed', attempts = email_deliveries.attempts + 1, last_error = @error
            """, new { editionId, email, error }, cancellationToken: cancellationToken));
    }
}
