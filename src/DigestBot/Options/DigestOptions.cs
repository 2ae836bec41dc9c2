using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

/// <summary>A digest job: what it contains, when it runs and where it goes. Keyed by id under <c>Digests</c>.</summary>
public sealed class DigestOptions
{
    [Required(AllowEmptyStrings = false)]
    public string Title { get; set; } = "";

    /// <summary>Quartz cron expression with seconds, e.g. <c>0 0 7 * * ?</c> for 07:00 every day.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Cron { get; set; } = "";

    /// <summary>IANA (or Windows) time zone id the cron expression is read in.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Section ids, in the order the digest shows them.</summary>
    [MinLength(1)]
    public List<string> Sections { get; set; } = [];

    public bool Email { get; set; } = true;

    /// <summary><c>Scheduled</c>: everyone at the cron's instant; <c>LocalTime</c>: each reader at the cron's time of day in their own zone.</summary>
    public DeliveryMode Delivery { get; set; } = DeliveryMode.Scheduled;

    /// <summary>With <c>LocalTime</c>, a reader's own delivery hour (0-23, their zone) replaces the cron's time of day.</summary>
    public bool AllowReaderHour { get; set; }

    /// <summary>With <c>LocalTime</c>, how long before the first reader's delivery the edition's content is chosen.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "12:00:00")]
    public TimeSpan LeadTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Names of destinations under <c>Discord:Destinations</c> this digest is posted to.</summary>
    public List<string> Discord { get; set; } = [];

    /// <summary>An edition takes the articles first seen since the previous edition, but never further back than this,
    /// so a first run or a long outage does not send stale stories.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan MaxWindow { get; set; } = TimeSpan.FromHours(24);

    public bool Enabled { get; set; } = true;

    /// <summary>Publishes sent editions at <c>/archive/&lt;id&gt;</c> with feeds, and links emails and Discord posts to them.</summary>
    public bool Archive { get; set; } = true;

    /// <summary>A section with nothing new is left out (<c>Skip</c>) or kept with a line saying so (<c>SaySo</c>).</summary>
    public EmptySectionBehavior EmptySections { get; set; } = EmptySectionBehavior.Skip;

    /// <summary>Keyword boosts for every section of this digest; a section's own <c>Boost</c> wins for the same keyword.</summary>
    [KeywordBoosts]
    public Dictionary<string, double> Boost { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words or phrases whose articles this digest never shows, in addition to each section's <c>Mute</c>.</summary>
    [MutedKeywords]
    public List<string> Mute { get; set; } = [];
}
