using System.Globalization;

namespace DigestBot.Cli;

/// <summary>Durations typed on the command line: <c>90s</c>, <c>5m</c>, <c>1h</c>, <c>500ms</c>, or a TimeSpan such as <c>00:02:00</c>.</summary>
internal static class Durations
{
    private static readonly (string Suffix, double Seconds)[] Units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];

    public static bool TryParse(string text, out TimeSpan value)
    {
        text = text.Trim();
        foreach (var (suffix, seconds) in Units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number >= 0 && !(text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) && suffix == "s"))
            {
                value = TimeSpan.FromSeconds(number * seconds);
                return true;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;
    }
}
