using System.Globalization;
using DigestBot.Options;

namespace DigestBot.Web.Subscriptions;

/// <summary>
/// A digest's schedule in words for readers ("every day at 07:00, Europe/London time"), from its Quartz cron expression.
/// Only the common shapes are put into words; anything else is shown as "on its own schedule".
/// </summary>
public static class ScheduleWords
{
    private static readonly Dictionary<string, string> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MON"] = "Monday", ["TUE"] = "Tuesday", ["WED"] = "Wednesday", ["THU"] = "Thursday", ["FRI"] = "Friday", ["SAT"] = "Saturday", ["SUN"] = "Sunday",
        ["2"] = "Monday", ["3"] = "Tuesday", ["4"] = "Wednesday", ["5"] = "Thursday", ["6"] = "Friday", ["7"] = "Saturday", ["1"] = "Sunday",
    };

    public static string Describe(DigestOptions digest)
    {
        var fields = digest.Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is < 6 or > 7 || fields[4] != "*" || Times(fields[1], fields[2]) is not { } times || DaysOf(fields[3], fields[5]) is not { } days)
        {
            return $"on its own schedule ({digest.TimeZone} time)";
        }

        return $"{days} at {times}, {digest.TimeZone} time";
    }

    private static string? Times(string minutes, string hours)
    {
        if (!int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var minute) || minute > 59)
        {
            return null;
        }

        var list = new List<string>();
        foreach (var hour in hours.Split(','))
        {
            if (!int.TryParse(hour, NumberStyles.None, CultureInfo.InvariantCulture, out var h) || h > 23)
            {
                return null;
            }

            list.Add($"{h:00}:{minute:00}");
        }

        return Join(list);
    }

    private static string? DaysOf(string dayOfMonth, string dayOfWeek)
    {
        if (dayOfWeek is "?" or "*" && dayOfMonth is "*" or "?")
        {
            return "every day";
        }

        if (dayOfMonth != "?" && dayOfMonth != "*")
        {
            return int.TryParse(dayOfMonth, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31
                ? $"on day {d} of every month"
                : null;
        }

        var range = dayOfWeek.Split('-');
        if (range.Length == 2 && Days.TryGetValue(range[0], out var from) && Days.TryGetValue(range[1], out var to))
        {
            return $"{from} to {to}";
        }

        var days = dayOfWeek.Split(',').Select(d => Days.GetValueOrDefault(d)).ToList();
        return days.Any(d => d is null) ? null : "every " + Join(days!);
    }

    private static string Join(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
