using DigestBot.Options;

namespace DigestBot.Editions;

/// <summary>
/// The one clock that decides whether a lease is live: the database's. Expiry instants are written as "database now +
/// lease" and compared with "database now" in the same SQL, so nodes whose own clocks disagree by minutes still agree
/// on who holds an edition or a batch. Node clocks only time local waits (renewal and poll intervals).
/// </summary>
internal static class DatabaseClock
{
    /// <summary>SQL for the database's current time in Unix milliseconds, the unit of the lease_until columns.</summary>
    public static string NowMs(StorageProvider provider) => provider switch
    {
        // clock_timestamp(), not now(): now() stands still for a whole transaction.
        StorageProvider.Postgres => "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)",
        // SQLite has no server: its clock is the machine's, shared by every process that can open the file.
        _ => "CAST(unixepoch('subsec') * 1000 AS INTEGER)",
    };

    /// <summary>A lease length as the parameter added to <see cref="NowMs"/>.</summary>
    public static long Ms(TimeSpan lease) => (long)lease.TotalMilliseconds;
}
