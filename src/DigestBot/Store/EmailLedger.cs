using System.Runtime.CompilerServices;
using Dapper;
using DigestBot.Model;

namespace DigestBot.Store;

/// <summary>
/// One row per (edition, subscriber), written only after the SMTP server accepted the message: a re-run or a restart
/// sends only what is missing.
/// </summary>
public sealed class EmailLedger(Database database, TimeProvider clock)
{
    private const string UpsertSent =
        """
        INSERT INTO email_deliveries (edition_id, email, status, attempts, message_id, sent_at)
        VALUES (@EditionId, @Email, 'sent', @Attempts, @MessageId, @Now)
        ON CONFLICT (edition_id, email) DO UPDATE SET status = 'sent', attempts = excluded.attempts,
            message_id = excluded.message_id, sent_at = excluded.sent_at, last_error = NULL
        """;

    public async Task<IReadOnlySet<string>> SentAsync(string editionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var emails = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT email FROM email_deliveries WHERE edition_id = @editionId AND status = 'sent'",
            new { editionId }, cancellationToken: cancellationToken));
        return emails.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The subscribers of <paramref name="source"/> the edition was not yet accepted for, checked a chunk at a time.</summary>
    public async IAsyncEnumerable<Subscriber> WithoutSentAsync(
        string editionId, IAsyncEnumerable<Subscriber> source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var chunk in source.Chunk(200).WithCancellation(cancellationToken))
        {
            HashSet<string> sent;
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                // Dapper expands "IN @list" for SQLite but passes an array to Npgsql, which needs "= ANY".
                var among = database.Provider == Options.StorageProvider.Postgres ? "= ANY(@emails)" : "IN @emails";
                sent = (await connection.QueryAsync<string>(new CommandDefinition(
                    $"SELECT email FROM email_deliveries WHERE edition_id = @editionId AND status = 'sent' AND email {among}",
                    new { editionId, emails = chunk.Select(s => s.Email).ToArray() }, cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
            }

            foreach (var subscriber in chunk.Where(s => !sent.Contains(s.Email)))
            {
                yield return subscriber;
            }
        }
    }

    /// <summary>A recorder of accepted messages that keeps one connection open (for one fan-out); dispose it at the end.</summary>
    public SentRecorder OpenRecorder() => new(database, clock, UpsertSent);

    public async Task RecordFailedAsync(string editionId, string email, string error, int attempts = 1, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO email_deliveries (edition_id, email, status, attempts, last_error)
            VALUES (@editionId, @email, 'failed', @attempts, @error)
            ON CONFLICT (edition_id, email) DO UPDATE SET status = 'failed',
                attempts = email_deliveries.attempts + excluded.attempts, last_error = excluded.last_error
            """, new { editionId, email, error, attempts }, cancellationToken: cancellationToken));
    }

    /// <summary>The edition and reader a sent message went to, by its Message-Id (without angle brackets); null when unknown.</summary>
    public async Task<(string EditionId, string Email)?> FindMessageAsync(string messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string EditionId, string Email)>(new CommandDefinition(
            "SELECT edition_id, email FROM email_deliveries WHERE message_id = @messageId AND status = 'sent'",
            new { messageId = messageId.Trim().Trim('<', '>') }, cancellationToken: cancellationToken));
        return rows.Select(r => ((string, string)?)r).FirstOrDefault();
    }

    /// <summary>The ledger rows of one edition, for reports and tests.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> EntriesAsync(string editionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LedgerEntry>(new CommandDefinition(
            """
            SELECT email AS Email, status AS Status, attempts AS Attempts, last_error AS LastError, message_id AS MessageId
            FROM email_deliveries WHERE edition_id = @editionId ORDER BY email
            """, new { editionId }, cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
