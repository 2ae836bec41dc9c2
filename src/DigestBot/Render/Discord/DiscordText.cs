using System.Text;

namespace DigestBot.Render.Discord;

/// <summary>Text rules for Discord: markdown escaping, plain text without mentions, word-boundary truncation, and link targets that cannot break markdown.</summary>
public static class DiscordText
{
    public const string Ellipsis = "…";

    /// <summary>Zero-width space: invisible, and no mention or markdown delimiter spans it.</summary>
    private const char Breaker = '\u200B';

    /// <summary>Escapes Discord markdown (and mention syntax) so feed text cannot format, break links or look like a ping.
    /// For text Discord renders as markdown: message content, embed titles, descriptions and field values.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' or '(' or ')' or '<' or '>' or '#' or '-' or '@')
            {
                builder.Append('\\');
            }

            // Line breaks in a title would end the bullet early.
            builder.Append(IsBreak(c) ? ' ' : c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// For text Discord shows as typed (embed footers and author names, thread names), where a backslash would show: a
    /// zero-width space after each mention or markdown delimiter, so no <c>@everyone</c>, <c>&lt;@id&gt;</c>,
    /// <c>**</c>, <c>||</c>, code fence or <c>](</c> remains should a client or Discord ever read it as markdown.
    /// </summary>
    public static string Plain(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(IsBreak(c) ? ' ' : c);
            if (c is '@' or '<' or '*' or '_' or '~' or '|' or '`' or ']')
            {
                builder.Append(Breaker);
            }
        }

        return builder.ToString();
    }

    private static bool IsBreak(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    /// <summary>
    /// Shortens <paramref name="text"/> to at most <paramref name="limit"/> characters, cutting at the last word boundary and
    /// adding an ellipsis. A single word longer than the limit is cut inside the word (never inside a surrogate pair or
    /// after a lone escaping backslash), as nothing else fits.
    /// </summary>
    public static string Truncate(string text, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (text.Length <= limit)
        {
            return text;
        }

        var room = limit - Ellipsis.Length;
        var space = text.LastIndexOf(' ', Math.Min(room, text.Length - 1));
        var cut = space > 0 ? text[..space].TrimEnd() : HardCut(text, room);
        if (cut.Length == 0)
        {
            cut = HardCut(text, room);
        }

        return cut + Ellipsis;
    }

    /// <summary>A link target safe inside <c>[text](url)</c>, or null when the link is not http(s) or too long to be worth it.</summary>
    public static string? LinkTarget(string? link, int maxLength = 512)
    {
        if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var text = uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);
        return text.Length <= maxLength ? text : null;
    }

    private static string HardCut(string text, int length)
    {
        var end = Math.Max(0, length);
        if (end > 0 && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        // Do not leave a backslash that would escape the ellipsis.
        while (end > 0 && text[end - 1] == '\\')
        {
            end--;
        }

        return text[..end];
    }
}
