using DigestBot.Options;
using Quartz;

namespace DigestBot.Editions;

/// <summary>
/// The calendar of a digest delivered at local time. Its cron, read in the digest's zone, names the editions: each
/// fire time is an edition's slot, and the slot's date (in the digest's zone) is the date every reader receives it, at
/// the cron's time of day (or their own hour) in their own zone. Readers without a known zone use the digest's.
/// </summary>
public sealed class LocalTimeSchedule
{
    private readonly CronExpression cron;
    private readonly TimeZoneInfo digestZone;
    private readonly TimeOnly timeOfDay;
    private readonly bool readerHour;

    public LocalTimeSchedule(DigestOptions digest)
    {
        digestZone = Options.TimeZones.TryFind(digest.TimeZone) ?? TimeZoneInfo.Utc;
        cron = new CronExpression(digest.Cron, digestZone);
        timeOfDay = CronTimeOfDay.TryRead(digest.Cron)
            ?? throw new ArgumentException($"'{digest.Cron}' does not name one time of day.", nameof(digest));
        readerHour = digest.AllowReaderHour;
        LeadTime = digest.LeadTime;
    }

    public TimeSpan LeadTime { get; }

    /// <summary>Whether readers' hours split the readers of one zone into several groups.</summary>
    public bool UsesReaderHour => readerHour;

    /// <summary>The edition slots after <paramref name="after"/> up to and including <paramref name="through"/>, in order.</summary>
    public IEnumerable<DateTimeOffset> SlotsBetween(DateTimeOffset after, DateTimeOffset through)
    {
        for (var next = cron.GetNextValidTimeAfter(after); next is { } slot && slot <= through; next = cron.GetNextValidTimeAfter(slot))
        {
            yield return slot;
        }
    }

    /// <summary>When the edition of <paramref name="slot"/> is due for readers in <paramref name="timeZone"/> with <paramref name="hour"/>.</summary>
    public DateTimeOffset DueFor(DateTimeOffset slot, string? timeZone, int? hour)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(slot, digestZone).DateTime);
        var zone = Options.TimeZones.TryFind(timeZone) ?? digestZone;
        var time = readerHour && hour is >= 0 and <= 23 ? new TimeOnly(hour.Value, 0) : timeOfDay;
        return LocalDue.For(date, time, zone);
    }

    public DateTimeOffset DueFor(DateTimeOffset slot, DeliveryGroup group) => DueFor(slot, group.TimeZone, group.Hour);

    /// <summary>
    /// When the edition's content is chosen: <see cref="LeadTime"/> before its first reader is due. The digest's own
    /// zone always counts, so an edition with no reader yet is still built (and posted to Discord) on time.
    /// </summary>
    public DateTimeOffset BuildAt(DateTimeOffset slot, IEnumerable<DeliveryGroup> groups) =>
        groups.Select(g => DueFor(slot, g)).Append(DueFor(slot, null, null)).Min() - LeadTime;

    /// <summary>When the edition's last reader is due.</summary>
    public DateTimeOffset LastDue(DateTimeOffset slot, IEnumerable<DeliveryGroup> groups) =>
        groups.Select(g => DueFor(slot, g)).Append(DueFor(slot, null, null)).Max();
}
