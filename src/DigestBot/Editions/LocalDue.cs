namespace DigestBot.Editions;

/// <summary>
/// The instant a wall-clock time of a given date comes round in a time zone. Daylight-saving changes decide two cases:
/// a time that spring-forward skips is due at the first valid instant after it (the moment the clocks jump), and a time
/// that fall-back repeats is due at its first occurrence, so a reader never gets a digest twice or not at all.
/// </summary>
public static class LocalDue
{
    public static DateTimeOffset For(DateOnly date, TimeOnly timeOfDay, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(timeOfDay, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier instant: the time as first shown, before the clocks went back.
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }

        if (zone.IsInvalidTime(local))
        {
            return FirstValidAfter(local, zone);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The end of the gap <paramref name="local"/> falls in: the first wall-clock minute that exists, as an instant.</summary>
    private static DateTimeOffset FirstValidAfter(DateTime local, TimeZoneInfo zone)
    {
        var candidate = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
        // Gaps are whole minutes in every zone in use (30 minutes on Lord Howe, usually an hour); a day bounds the search.
        for (var minutes = 0; minutes < 24 * 60; minutes++)
        {
            candidate = candidate.AddMinutes(1);
            if (!zone.IsInvalidTime(candidate))
            {
                return new DateTimeOffset(candidate, zone.GetUtcOffset(candidate));
            }
        }

        throw new InvalidOperationException($"{local:yyyy-MM-dd HH:mm:ss} in {zone.Id} is in a gap longer than a day.");
    }
}
