using System.Data.Common;
using Dapper;
using DigestBot.Model;

namespace DigestBot.Store;

/// <summary>
/// One administrative write of a subscriber, inside the caller's transaction. The consent rules live in the SQL itself, so
/// no caller can get around them: a suppressed address is never inserted or updated, and an update never takes a
/// subscriber out of a withdrawn status into one that receives mail.
/// </summary>
internal static class SubscriberWrites
{
    public static readonly string WithdrawnList = string.Join(", ", SubscriberConsent.Withdrawn.Select(s => $"'{s}'"));

    private const string NotSuppressed = "NOT EXISTS (SELECT 1 FROM suppressions WHERE address_hash = @Hash)";

    private const string Insert =
        $"""
        INSERT INTO subscribers (email, name, sections, digests, status, time_zone, delivery_hour, muted_words, created_at)
        SELECT @Email, @Name, @Sections, @Digests, @Status, @TimeZone, @DeliveryHour, @MutedWords, @Now
        WHERE {NotSuppressed}
        ON CONFLICT DO NOTHING
        """;

    private const string Update =
        $"""
        UPDATE subscribers SET name = @Name, sections = @Sections, digests = @Digests, status = @Status, time_zone = @TimeZone,
            delivery_hour = @DeliveryHour, muted_words = @MutedWords
        WHERE email = @Email AND {NotSuppressed}
        """;

    private static readonly string UpdateKeepingConsent = Update + $" AND status NOT IN ({WithdrawnList})";

    public static async Task<SubscriberWrite> WriteAsync(
        DbConnection connection, DbTransaction transaction, SubscriberRow row, bool overwrite, CancellationToken cancellationToken = default)
    {
        if (await connection.ExecuteAsync(new CommandDefinition(Insert, row, transaction, cancellationToken: cancellationToken)) == 1)
        {
            return SubscriberWrite.Added;
        }

        var withdrawing = Enum.TryParse<SubscriberStatus>(row.Status, out var status) && status.IsWithdrawn();
        if (overwrite && await connection.ExecuteAsync(new CommandDefinition(
                withdrawing ? Update : UpdateKeepingConsent, row, transaction, cancellationToken: cancellationToken)) == 1)
        {
            return SubscriberWrite.Updated;
        }

        // Nothing written: say why, so an import can count what it skipped and an add can explain its refusal.
        var (existing, suppressed) = await connection.QuerySingleAsync<(string? Status, long Suppressed)>(new CommandDefinition(
            "SELECT (SELECT status FROM subscribers WHERE email = @Email), (SELECT COUNT(*) FROM suppressions WHERE address_hash = @Hash)",
            row, transaction, cancellationToken: cancellationToken));
        return suppressed > 0 ? SubscriberWrite.Suppressed
            : !withdrawing && Enum.TryParse<SubscriberStatus>(existing, out var current) && current.IsWithdrawn() ? SubscriberWrite.Withdrawn
            : SubscriberWrite.Unchanged;
    }
}
