using System.Globalization;

namespace DigestBot.Cli;

/// <summary>A count with its noun in the right number ("1 story", "2 stories", "0 sources"), for every verb's output.</summary>
internal static class Plural
{
    public static string Of(int count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural ?? PluralOf(singular))}");

    private static string PluralOf(string noun) => noun switch
    {
        _ when noun.EndsWith('y') && noun.Length > 1 && !"aeiou".Contains(noun[^2], StringComparison.Ordinal) => noun[..^1] + "ies",
        _ when noun.EndsWith('s') || noun.EndsWith('x') || noun.EndsWith("ch", StringComparison.Ordinal) || noun.EndsWith("sh", StringComparison.Ordinal) => noun + "es",
        _ => noun + "s",
    };
}
