using System.Runtime.CompilerServices;
using Dapper;
using DigestBot.Model;

namespace DigestBot.Store;

public sealed class SubscriberStore(Database database, TimeProvider clock)
{
    private const string Columns = "email AS Email, name AS Name, sections AS Sections, digests AS Digests, status AS Status, time_zone AS TimeZone";

    /// <summary>Adds the subscriber when the address is new; returns false when it already exists (nothing is changed).</summary>
    public async Task<bool> AddIfMissingAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO subscribers (email, name, sections, digests, status, time_zone, created_at)
            VALUES (@Email, @Name, @Sections, @Digests, @Status, @TimeZone, @Now)
            ON CONFLICT DO NOTHING
            """, SubscriberRow.From(subscriber, UnixTime.ToMs(clock.GetUtcNow())), cancellationToken: cancellationToken));
        return rows == 1;
    }

    public async Task<Subscriber?> FindAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubscriberRow>(new CommandDefinition(
            $"SELECT {Columns} FROM subscribers WHERE email = @email", new { email = Normalize(email) }, cancellationToken: cancellationToken));
        return row?.ToSubscriber();
    }

    public async Task<bool> SetStatusAsync(string email, SubscriberStatus status, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE subscribers SET status = @status WHERE email = @email",
            new { email = Normalize(email), status = status.ToString() }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Streams active subscribers in address order, a page at a time, so a large list never sits in memory.</summary>
    public IAsyncEnumerable<Subscriber> StreamActiveAsync(int pageSize = 1000, CancellationToken cancellationToken = default) =>
        StreamActiveRangeAsync("", null, pageSize, cancellationToken);

    /// <summary>Active subscribers with an address after <paramref name="after"/> and up to <paramref name="through"/> (null: to the end).</summary>
    public async IAsyncEnumerable<Subscriber> StreamActiveRangeAsync(
        string after, string? through, int pageSize = 1000, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            List<SubscriberRow> page;
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                page = (await connection.QueryAsync<SubscriberRow>(new CommandDefinition(
                    $"""
                    SELECT {Columns} FROM subscribers
                    WHERE status = 'Active' AND email > @after AND (@through IS NULL OR email <= @through)
                    ORDER BY email LIMIT @pageSize
                    """,
                    new { after, through, pageSize }, cancellationToken: cancellationToken))).ToList();
            }

            foreach (var row in page)
            {
                yield return row.ToSubscriber();
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1].Email;
        }
    }

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
