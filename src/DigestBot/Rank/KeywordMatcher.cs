using DigestBot.Model;
using DigestBot.Text;

namespace DigestBot.Rank;

/// <summary>Whole-word, case-insensitive matching of configured words and phrases against an article's title, summary and categories.</summary>
public sealed class KeywordMatcher(IEnumerable<string> keywords)
{
    private readonly IReadOnlyList<(string Keyword, string Pattern)> patterns = keywords
        .Select(k => (k, Normalize(k)))
        .Where(p => p.Item2.Length > 2)
        .ToList();

    public IEnumerable<string> Matches(Article article)
    {
        if (patterns.Count == 0)
        {
            return [];
        }

        var text = Normalize($"{article.Title} {PlainText.From(article.Summary)} {PlainText.From(article.ContentHtml)} {string.Join(" ", article.Categories)}");
        return patterns.Where(p => text.Contains(p.Pattern, StringComparison.Ordinal)).Select(p => p.Keyword).ToList();
    }

    /// <summary>Words separated and surrounded by single spaces, so that a contains-check matches whole words only.</summary>
    private static string Normalize(string text) => $" {string.Join(' ', StoryFingerprint.Tokens(text))} ";
}
