using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace DigestBot.Text;

/// <summary>Feed HTML to one line of plain text: scripts and styles dropped, tags removed, entities decoded, whitespace collapsed.</summary>
public static partial class PlainText
{
    public static string From(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        var text = HiddenBlockPattern().Replace(html, " ");
        text = CommentPattern().Replace(text, " ");
        text = TagPattern().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        // Decoding can reveal markup that was escaped twice by the publisher ("&amp;lt;b&amp;gt;"); it is text, not tags, but
        // control characters and odd spaces would still upset mail clients and Discord.
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c);
        }

        return SpacePattern().Replace(builder.ToString(), " ").Trim();
    }

    [GeneratedRegex(@"<(script|style|noscript|iframe|template)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HiddenBlockPattern();

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"<[A-Za-z/!?][^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex SpacePattern();
}
