using System.Globalization;
using System.Text.Json;
using DigestBot.Fetch;

namespace DigestBot.Tests.Fetch.Corpus;

/// <summary>
/// Compares the fields the brief asks for (feed title and link; entry title, link and date) between our model and an
/// upstream expected output. Only fields present in the expected output are compared; an entry's date is its published
/// date, else its updated date, compared as an instant.
/// </summary>
internal static class ExpectedFields
{
    public sealed record Expected(string? Title, string? Link, IReadOnlyList<(string? Title, string? Link, string? Date)> Entries);

    /// <summary>Null when everything compared matched, else what differed; <paramref name="compared"/> counts the fields looked at.</summary>
    public static string? Compare(ParsedFeed feed, Expected expected, out int compared)
    {
        var differences = new List<string>();
        compared = 0;
        Check("title", expected.Title, feed.Title, differences, ref compared);
        Check("link", expected.Link, feed.Link, differences, ref compared);
        if (expected.Entries.Count != feed.Entries.Count && expected.Entries.Count > 0)
        {
            differences.Add($"entries: expected {expected.Entries.Count}, got {feed.Entries.Count}");
        }

        for (var i = 0; i < Math.Min(expected.Entries.Count, feed.Entries.Count); i++)
        {
            var (title, link, date) = expected.Entries[i];
            var entry = feed.Entries[i];
            Check($"entries[{i}].title", title, entry.Title, differences, ref compared);
            Check($"entries[{i}].link", link, entry.Link, differences, ref compared);
            if (date is not null)
            {
                compared++;
                var want = DateTimeOffset.Parse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                var got = entry.Published ?? entry.Updated;
                if (got != want)
                {
                    differences.Add($"entries[{i}].date: expected {want:o}, got {got:o}");
                }
            }
        }

        return differences.Count == 0 ? null : string.Join("; ", differences);
    }

    public static string? String(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    private static void Check(string name, string? expected, string? actual, List<string> differences, ref int compared)
    {
        if (expected is null)
        {
            return;
        }

        compared++;
        if (!string.Equals(expected.Trim(), actual?.Trim(), StringComparison.Ordinal) && !SameUrl(expected, actual))
        {
            differences.Add($"{name}: expected '{Short(expected)}', got '{Short(actual)}'");
        }
    }

    /// <summary>feed-rs normalizes URLs (WHATWG: lower-case host, "/" for an empty path); two spellings of one URL are equal.</summary>
    private static bool SameUrl(string expected, string? actual) =>
        Uri.TryCreate(expected.Trim(), UriKind.Absolute, out var a) && a.Scheme is "http" or "https"
        && Uri.TryCreate(actual?.Trim(), UriKind.Absolute, out var b) && a.AbsoluteUri == b.AbsoluteUri;

    private static string? Short(string? text) => text is { Length: > 80 } ? text[..80] + "…" : text;
}
