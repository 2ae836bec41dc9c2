using System.Globalization;
using DigestBot.Editions;

namespace DigestBot.Tests.Editions;

/// <summary>When a wall-clock time comes round in a zone: plain days, odd offsets, and both directions of daylight saving.</summary>
public sealed class LocalDueTests
{
    /// <summary>Zones with whole, half and three-quarter hour offsets, daylight saving north and south, 30-minute DST, none.</summary>
    public static readonly string[] Zones =
    [
        "UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "America/St_Johns", "America/Santiago",
        "Asia/Kolkata", "Asia/Kathmandu", "Asia/Tokyo", "Australia/Adelaide", "Australia/Sydney", "Australia/Lord_Howe",
        "Pacific/Chatham", "Pacific/Auckland", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Tehran", "Australia/Eucla",
    ];

    [Theory]
    // Plain days and odd offsets.
    [InlineData("Europe/London", "2026-01-15", "07:00", "2026-01-15T07:00:00Z")]
    [InlineData("Asia/Kolkata", "2026-03-29", "07:00", "2026-03-29T01:30:00Z")]
    [InlineData("Asia/Kathmandu", "2026-03-29", "07:00", "2026-03-29T01:15:00Z")]
    [InlineData("Australia/Eucla", "2026-06-01", "07:00", "2026-05-31T22:15:00Z")]
    [InlineData("Pacific/Kiritimati", "2026-03-29", "07:00", "2026-03-28T17:00:00Z")]
    // Spring forward: the skipped time is due when the clocks jump.
    [InlineData("Europe/London", "2026-03-29", "01:30", "2026-03-29T01:00:00Z")]
    [InlineData("Europe/Berlin", "2026-03-29", "02:00", "2026-03-29T01:00:00Z")]
    [InlineData("America/New_York", "2026-03-08", "02:30", "2026-03-08T07:00:00Z")]
    [InlineData("Australia/Sydney", "2026-10-04", "02:30", "2026-10-03T16:00:00Z")]
    [InlineData("Australia/Lord_Howe", "2026-10-04", "02:15", "2026-10-03T15:30:00Z")]
    [InlineData("Pacific/Chatham", "2026-09-27", "03:00", "2026-09-26T14:00:00Z")]
    [InlineData("America/Santiago", "2026-09-06", "00:30", "2026-09-06T04:00:00Z")]
    // Fall back: the repeated time is due at its first occurrence.
    [InlineData("Europe/London", "2026-10-25", "01:30", "2026-10-25T00:30:00Z")]
    [InlineData("America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00Z")]
    [InlineData("Australia/Adelaide", "2026-04-05", "02:30", "2026-04-04T16:00:00Z")]
    [InlineData("Australia/Lord_Howe", "2026-04-05", "01:45", "2026-04-04T14:45:00Z")]
    [InlineData("Pacific/Chatham", "2026-04-05", "03:00", "2026-04-04T13:15:00Z")]
    [InlineData("America/Santiago", "2026-04-04", "23:30", "2026-04-05T02:30:00Z")]
    public void For_zoneDateAndTime_isTheInstantTheWallClockShowsIt(string zone, string date, string time, string expected)
    {
        var due = LocalDue.For(DateOnly.Parse(date, CultureInfo.InvariantCulture), TimeOnly.Parse(time, CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), due);
    }

    /// <summary>
    /// Every quarter hour of every day of 2026 in every zone above, against a definition that needs no rule at all: the
    /// first instant at which the zone's wall clock shows the time or later (wall clocks read from UTC, which is never
    /// ambiguous). Offsets and transitions of these zones fall on quarter hours, so stepping UTC by quarter hours is exact.
    /// </summary>
    [Fact]
    public void For_everyQuarterHourOf2026InEveryZone_isTheFirstInstantTheWallClockReachesIt()
    {
        var mismatches = new List<string>();
        var checkedCount = 0;
        foreach (var id in Zones)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            for (var date = new DateOnly(2026, 1, 1); date.Year == 2026; date = date.AddDays(1))
            {
                for (var quarter = 0; quarter < 96; quarter++)
                {
                    var time = new TimeOnly(quarter / 4, quarter % 4 * 15);
                    var expected = WallClock.FirstInstantShowing(date.ToDateTime(time), zone);
                    var due = LocalDue.For(date, time, zone);
                    checkedCount++;
                    if (due != expected)
                    {
                        mismatches.Add($"{id} {date:yyyy-MM-dd} {time:HH:mm}: {due:O}, expected {expected:O}");
                    }
                }
            }
        }

        Assert.Equal(Zones.Length * 365 * 96, checkedCount);
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(20)));
    }

    [Fact]
    public void For_timeWithSeconds_keepsThemOnAPlainDay()
    {
        var due = LocalDue.For(new DateOnly(2026, 7, 1), new TimeOnly(6, 59, 30), TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu"));

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 1, 14, 30, TimeSpan.Zero), due);
    }
}
