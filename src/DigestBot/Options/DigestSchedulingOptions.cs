using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

/// <summary>How the scheduler keeps its jobs and what it does about slots missed while no worker was running.</summary>
public sealed class DigestSchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>Share Quartz's job store with the other workers on the same PostgreSQL database (Storage:Provider = Postgres).</summary>
    public bool Clustered { get; set; }

    /// <summary>A slot missed while down is still sent at start-up if it is at most this old; older ones are skipped.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan MissedScheduleGrace { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often a clustered node records that it is alive.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);
}
