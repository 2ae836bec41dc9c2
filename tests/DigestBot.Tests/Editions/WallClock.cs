namespace DigestBot.Tests.Editions;

/// <summary>
/// When a zone's wall clock first shows a time, by definition rather than by rule: step through UTC (never ambiguous)
/// and read the wall clock until it shows the time or later. Offsets and transitions of the zones in use fall on
/// quarter hours, so quarter-hour steps are exact for times on quarter hours.
/// </summary>
public static class WallClock
{
    public static DateTimeOffset FirstInstantShowing(DateTime wall, TimeZoneInfo zone)
    {
        var step = TimeSpan.FromMinutes(15);
        var utc = DateTime.SpecifyKind(wall, DateTimeKind.Utc) - zone.BaseUtcOffset - TimeSpan.FromHours(3);
        Assert.True(TimeZoneInfo.ConvertTimeFromUtc(utc, zone) < wall, $"{zone.Id}: the search must start before {wall:O}");
        while (TimeZoneInfo.ConvertTimeFromUtc(utc, zone) < wall)
        {
            utc += step;
        }

        return new DateTimeOffset(utc, TimeSpan.Zero);
    }
}
