using System.Net;
using System.Text.RegularExpressions;
using DigestBot.Model;

namespace DigestBot.Summarize;

/// <summary>Short plain-text summaries: markup stripped, cut at a sentence or word boundary.</summary>
public sealed partial class Summarizer
{
    public const int ArticleLimit = 280;

    public string SummarizeArticle(Article article, int limit = ArticleLimit)
    {
        var text = PlainText(article.Summary ?? article.ContentHtml ?? "");
        return Truncate(text, limit);
    }

    public string SummarizeSection(string title, IReadOnlyList<DigestItem> items) =>
        items.Count == 0
            ? $"No new stories in {title}."
            : $"{items.Count} {(items.Count == 1 ? "story" : "stories")} in {title}, led by \"{items[0].Article.Title}\".";

    public static string PlainText(string html)
    {
        var withoutTags = TagPattern().Replace(html, " ");
        return SpacePattern().Replace(WebUtility.HtmlDecode(withoutTags), " ").Trim();
    }

    public static string Truncate(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        var cut = text[..limit];
        var sentenceEnd = cut.LastIndexOfAny(['.', '!', '?']);
        if (sentenceEnd >= limit / 2)
        {
            return cut[..(sentenceEnd + 1)];
        }

        var space = cut[..(limit - 1)].LastIndexOf(' ');
        return (space > 0 ? cut[..space] : cut[..(limit - 1)]).TrimEnd() + "…";
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacePattern();
}
