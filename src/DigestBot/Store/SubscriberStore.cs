using Dapper;
using DigestBot.Model;

namespace DigestBot.Store;

/// <summary>The subscriber list. Addresses are stored lower-cased and trimmed; streams page through the list by address.</summary>
public sealed class SubscriberStore(Database database, TimeProvider clock)
{
    internal const string Columns = "email AS Email, name AS Name, sections AS Sections, digests AS Digests, status AS Status, time_zone AS TimeZone, bounces AS Bounces, delivery_hour AS DeliveryHour, muted_words AS MutedWords";

    /// <summary>Adds the subscriber when the address is new and not suppressed; returns false otherwise (nothing is changed).</summary>
    public async Task<bool> AddIfMissingAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        (await AddManyAsync([subscriber], overwrite: false, cancellationToken)).Added == 1;

    /// <summary>
    /// Adds the subscriber, or replaces every field of an existing one with the same address. A suppressed address is
    /// refused, and so is a change that would take an unsubscribed or bounced subscriber back into the mailing.
    /// </summary>
    public async Task<SubscriberWrite> UpsertAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var outcome = await SubscriberWrites.WriteAsync(connection, transaction, SubscriberRow.From(subscriber, UnixTime.ToMs(clock.GetUtcNow())), overwrite: true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    /// <summary>Writes many subscribers in one transaction under the same consent rules as <see cref="UpsertAsync"/>.</summary>
    public async Task<SubscriberWriteTotals> AddManyAsync(IEnumerable<Subscriber> subscribers, bool overwrite, CancellationToken cancellationToken = default)
    {
        var now = UnixTime.ToMs(clock.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var counts = new int[Enum.GetValues<SubscriberWrite>().Length];
        foreach (var subscriber in subscribers)
        {
            counts[(int)await SubscriberWrites.WriteAsync(connection, transaction, SubscriberRow.From(subscriber, now), overwrite, cancellationToken)]++;
        }

        await transaction.CommitAsync(cancellationToken);
        return new SubscriberWriteTotals(counts[(int)SubscriberWrite.Added], counts[(int)SubscriberWrite.Updated], counts[(int)SubscriberWrite.Unchanged],
            counts[(int)SubscriberWrite.Suppressed] + counts[(int)SubscriberWrite.Withdrawn]);
    }

    /// <summary>
    /// The reader asked to subscribe (not yet confirmed): a new address becomes Pending even when suppressed, so the
    /// confirmation link has someone to confirm; an existing non-active one keeps its status and takes the new name and
    /// choices (logged as a preference change). Nothing here makes anyone receive digests.
    /// </summary>
    public async Task RequestOptInAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        var row = SubscriberRow.From(subscriber, UnixTime.ToMs(clock.GetUtcNow()));
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO subscribers (email, name, sections, digests, status, time_zone, delivery_hour, muted_words, created_at)
            VALUES (@Email, @Name, @Sections, @Digests, 'Pending', @TimeZone, @DeliveryHour, @MutedWords, @Now)
            ON CONFLICT (email) DO UPDATE SET name = excluded.name, sections = excluded.sections, digests = excluded.digests,
                time_zone = excluded.time_zone, delivery_hour = excluded.delivery_hour, muted_words = excluded.muted_words
            WHERE subscribers.status <> 'Active'
            """, row, transaction, cancellationToken: cancellationToken));
        if (written == 1)
        {
            await PreferenceStore.RecordAsync(connection, transaction, row.Email, [PreferenceFields.Subscribe], row.Now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The reader confirmed their subscription through the signed link: the one way back to Active from any status,
    /// which also lifts a suppression of the address.
    /// </summary>
    public async Task<bool> ConfirmOptInAsync(string email, CancellationToken cancellationToken = default)
    {
        var address = Normalize(email);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var confirmed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE subscribers SET status = 'Active', bounces = 0 WHERE email = @address", new { address }, transaction, cancellationToken: cancellationToken)) == 1;
        if (confirmed)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM suppressions WHERE address_hash = @hash", new { hash = AddressHash.Of(address) }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return confirmed;
    }

    public async Task<Subscriber?> FindAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubscriberRow>(new CommandDefinition(
            $"SELECT {Columns} FROM subscribers WHERE email = @email", new { email = Normalize(email) }, cancellationToken: cancellationToken));
        return row?.ToSubscriber();
    }

    /// <summary>Deletes the subscriber and keeps a suppression of the address, so no later import, add or seeding brings it back.</summary>
    public async Task<bool> RemoveAsync(string email, CancellationToken cancellationToken = default)
    {
        var address = Normalize(email);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var status = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "DELETE FROM subscribers WHERE email = @address RETURNING status", new { address }, transaction, cancellationToken: cancellationToken));
        if (status is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO suppressions (address_hash, reason, suppressed_at) VALUES (@hash, @reason, @now)
                ON CONFLICT (address_hash) DO UPDATE SET reason = excluded.reason, suppressed_at = excluded.suppressed_at
                """, new { hash = AddressHash.Of(address), reason = $"removed from the list while {status}", now = UnixTime.ToMs(clock.GetUtcNow()) },
                transaction, cancellationToken: cancellationToken));
            // The change log is the reader's own; it goes with them (the suppression keeps only what consent needs).
            await PreferenceStore.ForgetAsync(connection, transaction, address, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return status is not null;
    }

    /// <summary>
    /// Sets the status. Moving a subscriber out of a withdrawn status, or a suppressed address into one that receives
    /// mail, is refused (returns false): that is <see cref="ConfirmOptInAsync"/>'s alone.
    /// </summary>
    public async Task<bool> SetStatusAsync(string email, SubscriberStatus status, CancellationToken cancellationToken = default)
    {
        var guard = status.IsWithdrawn() ? ""
            : $" AND status NOT IN ({SubscriberWrites.WithdrawnList}) AND NOT EXISTS (SELECT 1 FROM suppressions WHERE address_hash = @hash)";
        var address = Normalize(email);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE subscribers SET status = @status, bounces = 0 WHERE email = @address" + guard,
            new { address, hash = AddressHash.Of(address), status = status.ToString() }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Sets the sections a subscriber reads and, unless <paramref name="digests"/> is null, the digests.</summary>
    public async Task<bool> SetSectionsAsync(string email, IReadOnlyList<string> sections, IReadOnlyList<string>? digests = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE subscribers SET sections = @sections" + (digests is null ? "" : ", digests = @digests") + " WHERE email = @email",
            new { email = Normalize(email), sections = string.Join(',', sections), digests = string.Join(',', digests ?? []) },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Counts a permanent failure; the subscriber becomes Bounced when the count reaches <paramref name="threshold"/>.</summary>
    public async Task<SubscriberStatus?> RecordBounceAsync(string email, int threshold, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var status = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            """
            UPDATE subscribers SET bounces = bounces + 1,
                status = CASE WHEN bounces + 1 >= @threshold AND status = 'Active' THEN 'Bounced' ELSE status END
            WHERE email = @email
            RETURNING status
            """, new { email = Normalize(email), threshold }, cancellationToken: cancellationToken));
        return Enum.TryParse<SubscriberStatus>(status, out var parsed) ? parsed : null;
    }

    /// <summary>Every subscriber (optionally of one status), in address order, a page at a time.</summary>
    public IAsyncEnumerable<Subscriber> StreamAsync(SubscriberStatus? status = null, int pageSize = 1000, CancellationToken cancellationToken = default) =>
        SubscriberPages.StreamAsync(database,
            $"SELECT {Columns} FROM subscribers WHERE {(status is null ? "" : "status = @status AND ")}email > @after ORDER BY email LIMIT @pageSize",
            after => new { after, pageSize, status = status?.ToString() }, pageSize, cancellationToken);

    /// <summary>Streams active subscribers in address order, a page at a time, so a large list never sits in memory.</summary>
    public IAsyncEnumerable<Subscriber> StreamActiveAsync(int pageSize = 1000, CancellationToken cancellationToken = default) =>
        StreamAsync(SubscriberStatus.Active, pageSize, cancellationToken);

    /// <summary>Active subscribers with an address after <paramref name="after"/> and up to <paramref name="through"/> (null: to the end).</summary>
    public IAsyncEnumerable<Subscriber> StreamActiveRangeAsync(string after, string? through, int pageSize = 1000, CancellationToken cancellationToken = default) =>
        SubscriberPages.StreamAsync(database,
            $"SELECT {Columns} FROM subscribers WHERE status = 'Active' AND email > @after{(through is null ? "" : " AND email <= @through")} ORDER BY email LIMIT @pageSize",
            next => new { after = next, through, pageSize }, pageSize, cancellationToken, after);

    /// <summary>
    /// Active subscribers of one delivery group (stored zone, "" for none; hour, -1 for none, null for any) with an address
    /// after <paramref name="after"/> and up to <paramref name="through"/> (null: to the end).
    /// </summary>
    public IAsyncEnumerable<Subscriber> StreamActiveGroupAsync(string after, string? through, string zone, int? hour, int pageSize = 1000, CancellationToken cancellationToken = default) =>
        SubscriberPages.StreamAsync(database,
            $"""
            SELECT {Columns} FROM subscribers WHERE status = 'Active' AND {LocalBatches.ZoneKey} = @zone
              {(hour is null ? "" : $"AND {LocalBatches.HourKey} = @hour")} AND email > @after{(through is null ? "" : " AND email <= @through")}
            ORDER BY email LIMIT @pageSize
            """,
            next => new { after = next, through, zone, hour = (long?)hour, pageSize }, pageSize, cancellationToken, after);

    /// <summary>The delivery groups of active readers: each stored time zone (null: none) with each stored delivery hour (null: none).</summary>
    public async Task<IReadOnlyList<(string? TimeZone, int? Hour)>> DeliveryGroupsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Zone, long Hour)>(new CommandDefinition(
            $"SELECT {LocalBatches.ZoneKey} AS zone, {LocalBatches.HourKey} AS hour FROM subscribers WHERE status = 'Active' GROUP BY {LocalBatches.ZoneKey}, {LocalBatches.HourKey}",
            cancellationToken: cancellationToken));
        return rows.Select(r => (r.Zone.Length == 0 ? null : r.Zone, r.Hour < 0 ? (int?)null : (int)r.Hour)).ToList();
    }

    /// <summary>Active subscribers the edition has not yet been accepted for: what a first run, a re-run or a resumed run still has to send.</summary>
    public IAsyncEnumerable<Subscriber> StreamUnsentAsync(string editionId, int pageSize = 1000, CancellationToken cancellationToken = default) =>
        SubscriberPages.StreamAsync(database,
            $"""
            SELECT {Columns} FROM subscribers s
            WHERE s.status = 'Active' AND s.email > @after
              AND NOT EXISTS (SELECT 1 FROM email_deliveries d WHERE d.edition_id = @editionId AND d.email = s.email AND d.status = 'sent')
            ORDER BY s.email LIMIT @pageSize
            """,
            after => new { after, pageSize, editionId }, pageSize, cancellationToken);

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
