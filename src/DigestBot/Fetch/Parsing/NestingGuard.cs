namespace DigestBot.Fetch.Parsing;

/// <summary>
/// Measures how deep a document's elements nest, from its text, before any XML parser sees it. Hostile depth is costly
/// twice over: the XML reader resolves namespaces by walking every open scope (quadratic time), and LINQ to XML reads
/// text recursively (stack overflow, which would end the process). One linear pass avoids both.
/// </summary>
internal static class NestingGuard
{
    public const int MaxDepth = 512;

    public static bool TooDeep(string text)
    {
        var depth = 0;
        var i = 0;
        while ((i = text.IndexOf('<', i)) >= 0 && i + 1 < text.Length)
        {
            var next = text[i + 1];
            if (next == '!' || next == '?')
            {
                i = SkipSpecial(text, i);
                continue;
            }

            var end = TagEnd(text, i + 1);
            if (end < 0)
            {
                return false;
            }

            if (next == '/')
            {
                depth--;
            }
            else if (text[end - 1] != '/' && ++depth > MaxDepth)
            {
                return true;
            }

            i = end + 1;
        }

        return false;
    }

    private static int SkipSpecial(string text, int start)
    {
        var close = string.CompareOrdinal(text, start, "<!--", 0, 4) == 0 ? "-->"
            : string.CompareOrdinal(text, start, "<![CDATA[", 0, 9) == 0 ? "]]>"
            : ">";
        var end = text.IndexOf(close, start + 2, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + close.Length;
    }

    /// <summary>The index of the '&gt;' closing a tag, skipping quoted attribute values; -1 when there is none.</summary>
    private static int TagEnd(string text, int from)
    {
        char quote = '\0';
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }

        return -1;
    }
}
