using System.Data.Common;
using Dapper;

namespace DigestBot.Store;

/// <summary>
/// Plans the batches of an edition delivered at local time: one run of batches per delivery group (time zone, and hour
/// when readers choose theirs), each batch due at the group's instant. Within a group every batchSize-th address closes
/// a batch and the last one is open-ended, so a reader who joins the group during the day still falls in a batch.
/// </summary>
internal static class LocalBatches
{
    /// <summary>The SQL key of a reader's group; the batch's group_zone and group_hour hold the same values.</summary>
    public const string ZoneKey = "COALESCE(time_zone, '')";
    public const string HourKey = "CAST(COALESCE(delivery_hour, -1) AS BIGINT)";

    public static async Task PlanAsync(
        DbConnection connection, DbTransaction transaction, string editionId, int batchSize, LocalBatchPlan plan, CancellationToken cancellationToken)
    {
        var hour = plan.ByHour ? HourKey : "CAST(-1 AS BIGINT)";
        var boundaries = (await connection.QueryAsync<(string Zone, long Hour, string Email)>(new CommandDefinition(
            $"""
            SELECT zone, hour, email FROM (
                SELECT {ZoneKey} AS zone, {hour} AS hour, email,
                       ROW_NUMBER() OVER (PARTITION BY {ZoneKey}, {hour} ORDER BY email) AS n
                FROM subscribers WHERE status = 'Active') ranked
            WHERE n % @batchSize = 0 ORDER BY zone, hour, email
            """, new { batchSize }, transaction, cancellationToken: cancellationToken)))
            .ToLookup(b => (b.Zone, b.Hour), b => b.Email);
        var groups = await connection.QueryAsync<(string Zone, long Hour)>(new CommandDefinition(
            $"SELECT {ZoneKey} AS zone, {hour} AS hour FROM subscribers WHERE status = 'Active' GROUP BY {ZoneKey}, {hour}",
            transaction: transaction, cancellationToken: cancellationToken));
        var due = groups
            .Select(g => (g.Zone, g.Hour, Due: plan.DueFor(g.Zone.Length == 0 ? null : g.Zone, g.Hour < 0 ? null : (int)g.Hour)))
            .OrderBy(g => g.Due).ThenBy(g => g.Zone, StringComparer.Ordinal).ThenBy(g => g.Hour);
        var batchNo = 0;
        foreach (var (zone, groupHour, dueAt) in due)
        {
            var after = "";
            var closing = boundaries[(zone, groupHour)].ToList();
            for (var i = 0; i <= closing.Count; i++)
            {
                var last = i < closing.Count ? closing[i] : null;
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO email_batches (edition_id, batch_no, after_email, last_email, status, due_at, group_zone, group_hour)
                    VALUES (@editionId, @batchNo, @after, @last, 'pending', @dueAt, @zone, @groupHour) ON CONFLICT DO NOTHING
                    """,
                    new { editionId, batchNo, after, last, dueAt = UnixTime.ToMs(dueAt), zone, groupHour = plan.ByHour ? groupHour : (long?)null },
                    transaction, cancellationToken: cancellationToken));
                batchNo++;
                after = last ?? after;
            }
        }
    }
}
