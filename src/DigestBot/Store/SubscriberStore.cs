using Dapper;
using DigestBot.Model;

namespace DigestBot.Store;

/// <summary>The subscriber list. Addresses are stored lower-cased and trimmed; streams page through the list by address.</summary>
public sealed class SubscriberStore(Database database, TimeProvider clock)
{
    internal const string Columns = "email AS Email, name AS Name, sections AS Sections, digests AS Digests, status AS Status, time_zone AS TimeZone, bounces AS Bounces";

    private const string Insert =
        """
        INSERT INTO subscribers (email, name, sections, digests, status, time_zone, created_at)
        VALUES (@Email, @Name, @Sections, @Digests, @Status, @TimeZone, @Now)
        """;

    private const string Overwrite =
        """
         ON CONFLICT (email) DO UPDATE SET name = excluded.name, sections = excluded.sections, digests = excluded.digests,
            status = excluded.status, time_zone = excluded.time_zone
        """;

    /// <summary>Adds the subscriber when the address is new; returns false when it already exists (nothing is changed).</summary>
    public async Task<bool> AddIfMissingAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        await AddManyAsync([subscriber], overwrite: false, cancellationToken) == 1;

    /// <summary>Adds the subscriber, replacing every field of an existing one with the same address.</summary>
    public Task UpsertAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        AddManyAsync([subscriber], overwrite: true, cancellationToken);

    /// <summary>Writes many subscribers in one transaction; returns how many rows were added or (with overwrite) changed.</summary>
    public async Task<int> AddManyAsync(IEnumerable<Subscriber> subscribers, bool overwrite, CancellationToken cancellationToken = default)
    {
        var now = UnixTime.ToMs(clock.GetUtcNow());
        var sql = Insert + (overwrite ? Overwrite : " ON CONFLICT DO NOTHING");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = 0;
        foreach (var subscriber in subscribers)
        {
            changed += await connection.ExecuteAsync(new CommandDefinition(
                sql, SubscriberRow.From(subscriber, now), transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task<Subscriber?> FindAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubscriberRow>(new CommandDefinition(
            $"SELECT {Columns} FROM subscribers WHERE email = @email", new { email = Normalize(email) }, cancellationToken: cancellationToken));
        return row?.ToSubscriber();
    }

    public async Task<bool> RemoveAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM subscribers WHERE email = @email", new { email = Normalize(email) }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> SetStatusAsync(string email, SubscriberStatus status, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE subscribers SET status = @status, bounces = 0 WHERE email = @email",
            new { email = Normalize(email), status = status.ToString() }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> SetSectionsAsync(string email, IReadOnlyList<string> sections, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE subscribers SET sections = @sections WHERE email = @email",
            new { email = Normalize(email), sections = string.Join(',', sections) }, cancellationToken: cancellationToken)) == 1;
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
