using Dapper;
using DigestBot.Store;

namespace DigestBot.Editions;

/// <summary>
/// The email batches of editions being delivered. A node claims one batch at a time under a lease; the batch is marked
/// done only after every message in it was recorded in the ledger, so a batch whose node died is simply claimed again
/// and the ledger skips what was already accepted. Leases run on the database's clock (<see cref="DatabaseClock"/>).
/// </summary>
public sealed class EmailBatchStore(Database database, TimeProvider clock, NodeIdentity node)
{
    private readonly string dbNow = DatabaseClock.NowMs(database.Provider);

    // A batch is due when its instant has come on this node's clock: due times are times of day for readers, which a
    // node keeps by NTP like any clock; leases, where nodes must agree to the millisecond, stay on the database's.
    // A paused edition (bounce rate too high, EditionPauses) keeps its batches until a person resumes it; every node
    // honours that because the claim itself checks it.
    private string Claimable => $"(status = 'pending' OR (status = 'claimed' AND lease_until < {dbNow})) AND (due_at IS NULL OR due_at <= @now)"
        + " AND NOT EXISTS (SELECT 1 FROM editions p WHERE p.id = email_batches.edition_id AND p.status = 'paused')";

    /// <summary>Claims the next pending (or abandoned) batch of the edition; null when none is left to claim.</summary>
    public async Task<EmailBatch?> ClaimNextAsync(string editionId, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var args = new { editionId, lease = DatabaseClock.Ms(lease), owner = node.Id, now = UnixTime.ToMs(clock.GetUtcNow()) };
        await using var connection = await database.OpenAsync(cancellationToken);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var candidate = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
                $"SELECT MIN(batch_no) FROM email_batches WHERE edition_id = @editionId AND {Claimable}", args, cancellationToken: cancellationToken));
            if (candidate is not { } batchNo)
            {
                return null;
            }

            // The condition is repeated in the UPDATE: of two nodes racing for the same row, only one changes it.
            var claimed = await connection.QueryAsync<(string After, string? Last, string? Zone, long? Hour)>(new CommandDefinition(
                $"""
                UPDATE email_batches SET status = 'claimed', owner = @owner, lease_until = {dbNow} + @lease, attempts = attempts + 1
                WHERE edition_id = @editionId AND batch_no = @batchNo AND {Claimable}
                RETURNING after_email, last_email, group_zone, group_hour
                """, new { args.editionId, args.lease, args.owner, args.now, batchNo }, cancellationToken: cancellationToken));
            foreach (var (after, last, zone, hour) in claimed)
            {
                return new EmailBatch(editionId, batchNo, after, last) { GroupZone = zone, GroupHour = hour is { } h ? (int)h : null };
            }
        }

        return null;
    }

    /// <summary>Extends this node's lease on the batch; false when another node has taken it over.</summary>
    public async Task<bool> RenewAsync(EmailBatch batch, TimeSpan lease, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(
            $"UPDATE email_batches SET lease_until = {dbNow} + @lease WHERE edition_id = @EditionId AND batch_no = @BatchNo AND owner = @owner AND status = 'claimed'",
            batch, lease, cancellationToken) == 1;

    public Task CompleteAsync(EmailBatch batch, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE email_batches SET status = 'done', completed_at = @now, lease_until = 0 WHERE edition_id = @EditionId AND batch_no = @BatchNo AND owner = @owner",
            batch, TimeSpan.Zero, cancellationToken);

    /// <summary>Hands an unfinished batch back at once (graceful stop, or the SMTP server is unreachable).</summary>
    public Task ReleaseAsync(EmailBatch batch, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE email_batches SET status = 'pending', lease_until = 0 WHERE edition_id = @EditionId AND batch_no = @BatchNo AND owner = @owner AND status = 'claimed'",
            batch, TimeSpan.Zero, cancellationToken);

    /// <summary>Puts every batch of a finished-with-failures edition back to pending, for a manual retry.</summary>
    public async Task ReopenAsync(string editionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE email_batches SET status = 'pending', lease_until = 0 WHERE edition_id = @editionId",
            new { editionId }, cancellationToken: cancellationToken));
    }

    /// <summary>How many batches of the edition are not done yet (pending, or claimed by a live or dead node).</summary>
    public async Task<int> RemainingAsync(string editionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM email_batches WHERE edition_id = @editionId AND status <> 'done'",
            new { editionId }, cancellationToken: cancellationToken));
    }

    /// <summary>Editions another node is delivering that have a batch this node could claim now (its own it works anyway).</summary>
    public async Task<IReadOnlyList<string>> EditionsWithClaimableBatchesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            $"""
            SELECT DISTINCT b.edition_id FROM email_batches b JOIN editions e ON e.id = b.edition_id
            WHERE e.status = 'delivering' AND e.owner <> @owner
              AND (b.status = 'pending' OR (b.status = 'claimed' AND b.lease_until < {dbNow}))
              AND (b.due_at IS NULL OR b.due_at <= @now)
            """, new { owner = node.Id, now = UnixTime.ToMs(clock.GetUtcNow()) }, cancellationToken: cancellationToken));
        return ids.ToList();
    }

    private async Task<int> ExecuteAsync(string sql, EmailBatch batch, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql,
            new { batch.EditionId, batch.BatchNo, owner = node.Id, now = UnixTime.ToMs(clock.GetUtcNow()), lease = DatabaseClock.Ms(lease) },
            cancellationToken: cancellationToken));
    }
}
