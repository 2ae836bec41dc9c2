using System.Globalization;
using System.Text.RegularExpressions;

namespace DigestBot.Fetch.Parsing;

/// <summary>
/// Dates as feeds really write them, to UTC: RFC 822/1123 with its variants (no weekday, full month or day names, two-digit
/// years, named or numeric zones, missing seconds or zone), ISO 8601 / W3C-DTF (reduced precision, no colon in the
/// offset, space instead of T), and a last lenient attempt. A date without a zone is taken as UTC.
/// </summary>
internal static partial class FeedDate
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    // German and French abbreviations seen in real European feeds, mapped to month numbers.
    private static readonly Dictionary<string, int> ForeignMonths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mär"] = 3, ["mrz"] = 3, ["mai"] = 5, ["okt"] = 10, ["dez"] = 12, ["janv"] = 1, ["févr"] = 2, ["fevr"] = 2, ["mars"] = 3,
        ["avr"] = 4, ["juin"] = 6, ["juil"] = 7, ["août"] = 8, ["aout"] = 8, ["sept"] = 9, ["déc"] = 12,
    };

    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5,
        ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7, ["CET"] = 1, ["CEST"] = 2, ["BST"] = 1, ["IST"] = 5,
        ["JST"] = 9, ["AEST"] = 10, ["AEDT"] = 11, ["MSK"] = 3,
    };

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        var result = Iso8601(text) ?? Rfc822(text);
        if (result is null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var any))
        {
            result = any;
        }

        return result?.ToUniversalTime();
    }

    private static DateTimeOffset? Iso8601(string text)
    {
        var match = IsoPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        int Group(string name, int fallback) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : fallback;
        // Whole ticks from the digits, so .569 stays exactly 569 ms (a double would round it down).
        var fraction = match.Groups["fraction"].Success ? long.Parse(match.Groups["fraction"].Value.PadRight(7, '0')[..7], CultureInfo.InvariantCulture) : 0;
        return Build(Group("year", 1), Group("month", 1), Group("day", 1), Group("hour", 0), Group("minute", 0), Group("second", 0), fraction,
            Offset(match.Groups["zone"].Value));
    }

    private static DateTimeOffset? Rfc822(string text)
    {
        var match = RfcPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var month = MonthNumber(match.Groups["month"].Value);
        if (month == 0)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        year = match.Groups["year"].Value.Length == 2 ? (year < 50 ? 2000 + year : 1900 + year) : year;
        int Group(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        return Build(year, month, Group("day"), Group("hour"), Group("minute"), Group("second"), 0, Offset(match.Groups["zone"].Value));
    }

    private static int MonthNumber(string name)
    {
        var key = name.TrimEnd('.').ToLowerInvariant();
        var index = Array.FindIndex(Months, m => key.StartsWith(m, StringComparison.Ordinal));
        if (index >= 0)
        {
            return index + 1;
        }

        return ForeignMonths.TryGetValue(key, out var foreign) ? foreign : ForeignMonths.GetValueOrDefault(key.Length > 3 ? key[..3] : key);
    }

    private static TimeSpan? Offset(string zone)
    {
        zone = zone.Trim();
        if (zone.Length == 0)
        {
            return TimeSpan.Zero;
        }

        if (ZoneHours.TryGetValue(zone, out var hours))
        {
            return TimeSpan.FromHours(hours);
        }

        if (zone[0] is '+' or '-')
        {
            var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
            if (digits.Length is 2 or 4 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                var offset = digits.Length == 2 ? TimeSpan.FromHours(value) : new TimeSpan(value / 100, value % 100, 0);
                return zone[0] == '-' ? -offset : offset;
            }

            return null;
        }

        // RFC 822 military zones are ambiguous in practice (RFC 1123 says treat them as -0000).
        return zone.Length == 1 && char.IsAsciiLetter(zone[0]) ? TimeSpan.Zero : null;
    }

    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, long fractionTicks, TimeSpan? offset)
    {
        if (offset is null || year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 24 || minute > 59 || second > 60 || Math.Abs(offset.Value.TotalHours) > 14)
        {
            return null;
        }

        // 24:00 and leap seconds appear in real feeds; roll them over instead of rejecting the date.
        var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified)
            .AddHours(hour).AddMinutes(minute).AddSeconds(second).AddTicks(fractionTicks);
        return new DateTimeOffset(local, offset.Value);
    }

    [GeneratedRegex(@"^(?<year>\d{4})(?:-?(?<month>\d{2})(?:-?(?<day>\d{2})(?:[T ]+(?<hour>\d{2}):?(?<minute>\d{2})(?::?(?<second>\d{2})(?:[.,](?<fraction>\d+))?)?\s*(?<zone>Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,4})?)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?:[A-Za-zÀ-ÿ]+\.?,?\s*)?(?<day>\d{1,2})(?:st|nd|rd|th)?[\s-]+(?<month>[A-Za-zÀ-ÿ]+\.?)[\s-]+(?<year>\d{4}|\d{2})(?:,?\s+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?(?:\.\d+)?)?\s*(?<zone>[A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?(?:\s*\(.*\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex RfcPattern();
}
