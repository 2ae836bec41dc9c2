using System.Globalization;

namespace DigestBot.Tests.Web.Archive;

/// <summary>The archive addresses the tests expect, written out independently of the code that makes them.</summary>
internal static class ArchivePaths
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>A slot <paramref name="daysAgo"/> days before today at <paramref name="hourUtc"/>, the same date in London.</summary>
    public static DateTimeOffset Day(int daysAgo, int hourUtc = 12) =>
        new(DateTime.UtcNow.Date.AddDays(-daysAgo).AddHours(hourUtc), TimeSpan.Zero);

    public static string DayPath(DateTimeOffset slot) =>
        "archive/daily/" + TimeZoneInfo.ConvertTime(slot, London).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string SlotPath(DateTimeOffset slot) =>
        DayPath(slot) + "/" + TimeZoneInfo.ConvertTime(slot, London).ToString("HHmm", CultureInfo.InvariantCulture);
}
