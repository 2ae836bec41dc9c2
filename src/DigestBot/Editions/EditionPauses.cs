using System.Globalization;
using Dapper;
using DigestBot.Options;
using DigestBot.Store;
using Microsoft.Extensions.Options;

namespace DigestBot.Editions;

/// <summary>
/// The bounce-rate circuit breaker. After each batch the edition's hard-bounce rate is read from the ledger (messages the
/// SMTP server refused with a 5xx, over all messages tried); above <c>Email:Bounces:PauseAboveRate</c> the edition is
/// paused, and batch claiming (<see cref="EmailBatchStore"/>) refuses the batches of a paused edition on every node.
/// </summary>
public sealed class EditionPauses(Database database, IOptionsMonitor<BounceOptions> options)
{
    /// <summary>Pauses the edition when its rate is above the threshold; the reason when this call paused it, else null.</summary>
    /// <remarks>
    /// It runs after every batch, so it must not read the whole ledger of a large edition each time (at a million
    /// messages that made the fan-out's CPU per message grow with the edition). The refused messages are counted through
    /// the index of failed rows; all messages tried are counted only up to the number at which the rate could no longer
    /// be above the threshold, which is small while few are refused.
    /// </remarks>
    public async Task<string?> CheckAsync(string editionId, CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long BaseTotal, long Refused)>(new CommandDefinition(
            """
            SELECT e.bounce_base_total,
                   (SELECT COUNT(*) FROM email_deliveries d WHERE d.edition_id = e.id AND d.status = 'failed' AND d.last_error LIKE '5%') - e.bounce_base_refused
            FROM editions e WHERE e.id = @editionId
            """, new { editionId }, cancellationToken: cancellationToken));
        var (baseTotal, refused) = rows.FirstOrDefault();
        if (refused <= 0)
        {
            return null;
        }

        var enough = CountEnough(refused, settings);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM (SELECT 1 FROM email_deliveries d WHERE d.edition_id = @editionId LIMIT @limit) tried",
            new { editionId, limit = baseTotal + enough }, cancellationToken: cancellationToken)) - baseTotal;
        if (total < settings.PauseMinimumSent || refused <= settings.PauseAboveRate * total)
        {
            return null;
        }

        var reason = Describe(refused, total, settings.PauseAboveRate);
        var paused = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE editions SET status = 'paused', error = @reason WHERE id = @editionId AND status IN ('claimed', 'delivering', 'partial')",
            new { editionId, reason }, cancellationToken: cancellationToken));
        return paused == 1 ? reason : null;
    }

    /// <summary>Why the edition is paused; null when it is not.</summary>
    public async Task<string?> ReasonAsync(string editionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Status, string? Error)>(new CommandDefinition(
            "SELECT status, error FROM editions WHERE id = @editionId", new { editionId }, cancellationToken: cancellationToken));
        return rows.Where(r => r.Status == "paused").Select(r => r.Error ?? "paused").FirstOrDefault();
    }

    /// <summary>
    /// Lifts the pause of the digest's latest paused edition and returns its slot (null when none is paused). What was
    /// sent so far becomes the baseline, so the breaker judges only what goes out after the resume.
    /// </summary>
    public async Task<DateTimeOffset?> ResumeLatestAsync(string digestId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await connection.QueryAsync<(string Id, long Slot)>(new CommandDefinition(
            "SELECT id, slot FROM editions WHERE digest_id = @digestId AND status = 'paused' ORDER BY slot DESC LIMIT 1",
            new { digestId }, cancellationToken: cancellationToken));
        foreach (var (id, slot) in found)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE editions SET status = 'delivering', error = NULL, lease_until = 0,
                    bounce_base_total = (SELECT COUNT(*) FROM email_deliveries d WHERE d.edition_id = editions.id),
                    bounce_base_refused = (SELECT COUNT(*) FROM email_deliveries d WHERE d.edition_id = editions.id AND d.status = 'failed' AND d.last_error LIKE '5%')
                WHERE id = @id AND status = 'paused'
                """, new { id }, cancellationToken: cancellationToken));
            return UnixTime.FromMs(slot);
        }

        return null;
    }

    /// <summary>
    /// How many messages tried need counting to decide: with <paramref name="refused"/> refused, the rate is at or below
    /// the threshold from ceil(refused / rate) tried on, so a count that stops there (or at the minimum, when that is
    /// higher) decides as the exact one would; an edition is paused only below it, where the count is exact. One more
    /// is counted so that rounding in the division cannot stop the count short.
    /// </summary>
    internal static long CountEnough(long refused, BounceOptions settings)
    {
        var atOrBelow = Math.Ceiling(refused / settings.PauseAboveRate);
        return atOrBelow >= long.MaxValue / 4 ? long.MaxValue / 4 : Math.Max(settings.PauseMinimumSent, (long)atOrBelow) + 1;
    }

    public static string Describe(long refused, long total, double threshold) => string.Format(
        CultureInfo.InvariantCulture, "hard-bounce rate {0:0.#}% ({1} of {2}) above {3:0.##}%", 100.0 * refused / total, refused, total, 100 * threshold);
}
