using System.Data.Common;
using Dapper;
using DigestBot.Model;

namespace DigestBot.Store;

/// <summary>
/// A reader's own choices (sections, digests, time zone, delivery hour, muted words) and the log of when they changed.
/// Nothing here touches a subscriber's status: saving preferences never brings back anyone who left.
/// </summary>
public sealed class PreferenceStore(Database database, TimeProvider clock)
{
    /// <summary>
    /// Saves the choices and logs the names of the fields that changed, in one transaction; returns those names (empty
    /// when nothing changed, and then nothing is logged), or null when there is no subscriber with this address.
    /// </summary>
    public async Task<IReadOnlyList<string>?> SaveAsync(string email, ReaderPreferences chosen, CancellationToken cancellationToken = default)
    {
        var address = SubscriberStore.Normalize(email);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubscriberRow>(new CommandDefinition(
            $"SELECT {SubscriberStore.Columns} FROM subscribers WHERE email = @address", new { address }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var current = row.ToSubscriber();
        var changed = PreferenceFields.Changed(current, chosen);
        if (changed.Count > 0)
        {
            var updated = SubscriberRow.From(current with
            {
                Sections = chosen.Sections,
                Digests = chosen.Digests ?? current.Digests,
                TimeZone = chosen.TimeZone,
                DeliveryHour = chosen.DeliveryHour,
                MutedWords = chosen.MutedWords,
            }, 0);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE subscribers SET sections = @Sections, digests = @Digests, time_zone = @TimeZone, delivery_hour = @DeliveryHour,
                    muted_words = @MutedWords
                WHERE email = @Email
                """, updated, transaction, cancellationToken: cancellationToken));
            await RecordAsync(connection, transaction, address, changed, UnixTime.ToMs(clock.GetUtcNow()), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>The reader's latest changes, newest first.</summary>
    public async Task<IReadOnlyList<PreferenceChange>> HistoryAsync(string email, int limit = 5, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long ChangedAt, string Fields)>(new CommandDefinition(
            "SELECT changed_at, fields FROM preference_changes WHERE address_hash = @hash ORDER BY changed_at DESC LIMIT @limit",
            new { hash = AddressHash.Of(email), limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new PreferenceChange(UnixTime.FromMs(r.ChangedAt), r.Fields.Split(',', StringSplitOptions.RemoveEmptyEntries))).ToList();
    }

    internal static Task RecordAsync(
        DbConnection connection, DbTransaction transaction, string email, IReadOnlyList<string> fields, long now, CancellationToken cancellationToken = default) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO preference_changes (address_hash, changed_at, fields) VALUES (@hash, @now, @fields)",
            new { hash = AddressHash.Of(email), now, fields = string.Join(',', fields) }, transaction, cancellationToken: cancellationToken));

    internal static Task ForgetAsync(DbConnection connection, DbTransaction transaction, string email, CancellationToken cancellationToken = default) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM preference_changes WHERE address_hash = @hash", new { hash = AddressHash.Of(email) }, transaction, cancellationToken: cancellationToken));
}
