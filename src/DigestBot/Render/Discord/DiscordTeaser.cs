using System.Text.RegularExpressions;
using DigestBot.Model;
using DigestBot.Summarize;

namespace DigestBot.Render.Discord;

/// <summary>The line under a section's lead headline: the first sentence of the lead's summary, unless it only repeats a
/// headline of the section (feeds often give the title again as the description).</summary>
internal static partial class DiscordTeaser
{
    /// <summary>Characters before escaping: a teaser, not the story.</summary>
    public const int Limit = 300;

    public static string? Of(DigestItem lead, IReadOnlyList<DigestItem> section)
    {
        if (SentenceSplitter.Split(lead.Summary).FirstOrDefault() is not { } first)
        {
            return null;
        }

        var teaser = DiscordText.Truncate(first, Limit);
        var words = Words(teaser);
        if (words.Trim().Length == 0)
        {
            return null;
        }

        foreach (var item in section)
        {
            var headline = Words(item.Article.Title);
            if (headline.Trim().Length > 0 && (words.Contains(headline, StringComparison.Ordinal) || headline.Contains(words, StringComparison.Ordinal)))
            {
                return null;
            }
        }

        return teaser;
    }

    /// <summary>Text as a reader compares it: lower case words, punctuation aside, padded so matches are whole words.</summary>
    private static string Words(string text) => " " + string.Join(' ', NonWord().Split(text.ToLowerInvariant()).Where(w => w.Length > 0)) + " ";

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
