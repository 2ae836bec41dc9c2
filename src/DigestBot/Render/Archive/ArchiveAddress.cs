using System.Globalization;

namespace DigestBot.Render.Archive;

/// <summary>
/// Where the archive keeps things, as paths relative to <c>Web:BaseUrl</c>. Dates and times are the edition's scheduled
/// slot in the digest's time zone. Every edition has a slot path (<c>archive/daily/2026-11-26/0700</c>); the first edition
/// of a day (see <see cref="ArchiveLinks"/>) is also, and canonically, at its day path (<c>archive/daily/2026-11-26</c>).
/// </summary>
public static class ArchiveAddress
{
    public const string DateFormat = "yyyy-MM-dd";

    public static string Index(string digestId) => "archive/" + Uri.EscapeDataString(digestId);

    public static string IndexPage(string digestId, int page) => page <= 1 ? Index(digestId) : $"{Index(digestId)}?page={page}";

    public static string Atom(string digestId) => Index(digestId) + "/atom.xml";

    public static string JsonFeed(string digestId) => Index(digestId) + "/feed.json";

    public static string Day(string digestId, DateOnly date) => $"{Index(digestId)}/{date.ToString(DateFormat, CultureInfo.InvariantCulture)}";

    public static string Slot(string digestId, DateTimeOffset slot, TimeZoneInfo zone) =>
        $"{Day(digestId, LocalDate(slot, zone))}/{TimeSegment(slot, zone)}";

    public static DateTimeOffset Local(DateTimeOffset slot, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(slot, zone);

    public static DateOnly LocalDate(DateTimeOffset slot, TimeZoneInfo zone) => DateOnly.FromDateTime(Local(slot, zone).DateTime);

    /// <summary><c>HHmm</c>, or <c>HHmmss</c> for a slot off the minute (an edition sent by hand): edition ids are per second.</summary>
    public static string TimeSegment(DateTimeOffset slot, TimeZoneInfo zone)
    {
        var local = Local(slot, zone);
        return local.ToString(local.Second == 0 ? "HHmm" : "HHmmss", CultureInfo.InvariantCulture);
    }

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A UTC range that holds every instant whose local date is <paramref name="date"/> in any zone (offsets stay within ±14 h).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) DayRange(DateOnly date)
    {
        var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return (midnight.AddHours(-14), midnight.AddDays(1).AddHours(14));
    }
}
