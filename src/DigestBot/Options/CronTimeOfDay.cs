using System.Globalization;

namespace DigestBot.Options;

/// <summary>The one time of day a Quartz cron names, when its seconds, minutes and hours are single numbers.</summary>
public static class CronTimeOfDay
{
    public static TimeOnly? TryRead(string cron)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 6
            || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var second) || second > 59
            || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute) || minute > 59
            || !int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) || hour > 23)
        {
            return null;
        }

        return new TimeOnly(hour, minute, second);
    }
}
