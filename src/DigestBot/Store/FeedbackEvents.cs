using System.Data.Common;
using Dapper;
using DigestBot.Model;

namespace DigestBot.Store;

/// <summary>
/// Bounces and complaints reported after sending, and the suppressions they lead to. Recording an event, counting the
/// reader's events and suppressing them happen in one transaction, so an event applied twice (or by two nodes at
/// once) counts once and never leaves a count without its suppression.
/// </summary>
public sealed class FeedbackEvents(Database database, TimeProvider clock)
{
    public const string Hard = "hard";
    public const string Soft = "soft";
    public const string Complaint = "complaint";

    /// <summary>An operator lifted the reader's bounce suppression; earlier soft bounces stop counting.</summary>
    public const string Lifted = "lifted";

    /// <summary>
    /// Records the event; false when an event with the same key was recorded before (nothing changes then). Otherwise
    /// <paramref name="decide"/> is given how many events of this kind the reader has since <paramref name="countSince"/>
    /// (this one included; none from before a lifted suppression) and may return the suppression to apply.
    /// </summary>
    public async Task<bool> RecordAsync(
        FeedbackEvent feedback, DateTimeOffset countSince, Func<long, FeedbackSuppression?> decide, CancellationToken cancellationToken = default)
    {
        var email = SubscriberStore.Normalize(feedback.Email);
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO feedback_events (event_key, email, edition_id, kind, source, status, detail, occurred_at, recorded_at)
            VALUES (@Key, @email, @EditionId, @Kind, @Source, @Status, @Detail, @occurred, @now)
            ON CONFLICT (event_key) DO NOTHING
            """, new { feedback.Key, email, feedback.EditionId, feedback.Kind, feedback.Source, feedback.Status, feedback.Detail,
                occurred = UnixTime.ToMs(feedback.OccurredAt), now = UnixTime.ToMs(now) }, transaction, cancellationToken: cancellationToken));
        if (added == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM feedback_events e WHERE e.email = @email AND e.kind = @Kind AND e.occurred_at >= @since
              AND NOT EXISTS (SELECT 1 FROM feedback_events l WHERE l.email = e.email AND l.kind = 'lifted' AND l.occurred_at >= e.occurred_at)
            """, new { email, feedback.Kind, since = UnixTime.ToMs(countSince) }, transaction, cancellationToken: cancellationToken));
        if (decide(count) is { } suppression)
        {
            await SuppressAsync(connection, transaction, email, suppression, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Lifts a bounce: a Bounced reader becomes Active with no bounces counted, the suppression is removed, and the
    /// operator's reason is recorded. Any other status is left alone (a complaint or an unsubscribe is the reader's word,
    /// which only their own confirmed opt-in changes). Returns the status found (null: no such subscriber).
    /// </summary>
    public async Task<SubscriberStatus?> LiftBounceAsync(string email, string reason, CancellationToken cancellationToken = default)
    {
        var address = SubscriberStore.Normalize(email);
        var now = UnixTime.ToMs(clock.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var lifted = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE subscribers SET status = 'Active', bounces = 0 WHERE email = @address AND status = 'Bounced'",
            new { address }, transaction, cancellationToken: cancellationToken)) == 1;
        if (!lifted)
        {
            var status = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT status FROM subscribers WHERE email = @address", new { address }, transaction, cancellationToken: cancellationToken));
            await transaction.RollbackAsync(cancellationToken);
            return Enum.TryParse<SubscriberStatus>(status, out var found) ? found : null;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM suppressions WHERE address_hash = @hash", new { hash = AddressHash.Of(address) }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO feedback_events (event_key, email, kind, source, detail, occurred_at, recorded_at)
            VALUES (@key, @address, 'lifted', 'operator', @reason, @now, @now)
            """, new { key = $"lifted:{Guid.NewGuid():N}", address, reason, now }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return SubscriberStatus.Bounced;
    }

    /// <summary>Hard bounces reported after sending for messages of this edition.</summary>
    public async Task<long> HardBouncesAsync(string editionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM feedback_events WHERE edition_id = @editionId AND kind = 'hard'", new { editionId }, cancellationToken: cancellationToken));
    }

    /// <summary>The events recorded for a reader, oldest first (for reports and tests).</summary>
    public async Task<IReadOnlyList<FeedbackEvent>> ForAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT event_key AS EventKey, email AS Email, edition_id AS EditionId, kind AS Kind, source AS Source, status AS Status,
                   detail AS Detail, occurred_at AS OccurredAt
            FROM feedback_events WHERE email = @email ORDER BY occurred_at, recorded_at, event_key
            """, new { email = SubscriberStore.Normalize(email) }, cancellationToken: cancellationToken));
        return rows.Select(r => new FeedbackEvent(r.EventKey, r.Email, r.EditionId, r.Kind, r.Source, r.Status, r.Detail, UnixTime.FromMs(r.OccurredAt))).ToList();
    }

    /// <summary>
    /// A hard bounce takes an Active or Pending reader to Bounced; a complaint takes any reader to Complained. A bounce
    /// keeps an existing suppression's reason (a complaint's, a removal's); a complaint replaces it.
    /// </summary>
    private static async Task SuppressAsync(
        DbConnection connection, DbTransaction transaction, string email, FeedbackSuppression suppression, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = suppression.Status == SubscriberStatus.Complained ? "status <> 'Complained'" : "status IN ('Active', 'Pending')";
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE subscribers SET status = @status WHERE email = @email AND {from}",
            new { email, status = suppression.Status.ToString() }, transaction, cancellationToken: cancellationToken));
        var onConflict = suppression.Status == SubscriberStatus.Complained
            ? "DO UPDATE SET reason = excluded.reason, suppressed_at = excluded.suppressed_at"
            : "DO NOTHING";
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO suppressions (address_hash, reason, suppressed_at) VALUES (@hash, @reason, @now) ON CONFLICT (address_hash) {onConflict}",
            new { hash = AddressHash.Of(email), reason = suppression.Reason, now = UnixTime.ToMs(now) }, transaction, cancellationToken: cancellationToken));
    }

    // Settable properties: Dapper converts INTEGER (int on PostgreSQL, long on SQLite) per property.
    private sealed class Row
    {
        public string EventKey { get; set; } = "";
        public string Email { get; set; } = "";
        public string? EditionId { get; set; }
        public string Kind { get; set; } = "";
        public string Source { get; set; } = "";
        public string? Status { get; set; }
        public string? Detail { get; set; }
        public long OccurredAt { get; set; }
    }
}
