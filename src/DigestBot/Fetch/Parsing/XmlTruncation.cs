using System.Text;

namespace DigestBot.Fetch.Parsing;

/// <summary>
/// Tells a feed that was cut short from one broken in the middle, from its text alone: every tag up to the end must nest
/// correctly, and the text must stop with elements still open (or inside a tag, comment or CDATA section). Such a feed is
/// closed right after its last complete item (RSS item, Atom entry), so an item is kept whole or not at all. Anything else
/// is left to the XML reader's error.
/// </summary>
internal static class XmlTruncation
{
    public static TruncatedDocument? Close(string text)
    {
        var open = new List<string>();
        var itemLevel = -1;
        var rootSeen = false;
        var items = 0;
        var cleanEnd = 0;
        string[] openAtCleanEnd = [];
        var stoppedInside = false;
        for (var i = text.IndexOf('<'); i >= 0; i = text.IndexOf('<', i))
        {
            var end = ConstructEnd(text, i);
            if (end < 0)
            {
                stoppedInside = true;
                break;
            }

            var next = text[i + 1];
            if (next is '!' or '?')
            {
                i = end;
                continue;
            }

            var closing = next == '/';
            var name = Name(text, closing ? i + 2 : i + 1);
            if (closing)
            {
                if (open.Count == 0 || open[^1] != name)
                {
                    return null;
                }

                open.RemoveAt(open.Count - 1);
            }
            else
            {
                if (name is null || (rootSeen && open.Count == 0))
                {
                    return null;
                }

                rootSeen = true;
                var empty = text[end - 2] == '/';
                if (!empty)
                {
                    open.Add(name);
                }

                if (itemLevel < 0 && IsItem(name))
                {
                    itemLevel = open.Count - (empty ? 0 : 1);
                }
            }

            if (itemLevel >= 0 && open.Count == itemLevel)
            {
                itemLevel = -1;
                items++;
                cleanEnd = end;
                openAtCleanEnd = [.. open];
            }

            i = end;
        }

        if (!stoppedInside && open.Count == 0)
        {
            // Nothing is missing at the end, so whatever the reader found is a fault in the middle.
            return null;
        }

        var closed = new StringBuilder(text, 0, cleanEnd, cleanEnd + 16 * openAtCleanEnd.Length);
        for (var k = openAtCleanEnd.Length - 1; k >= 0; k--)
        {
            closed.Append("</").Append(openAtCleanEnd[k]).Append('>');
        }

        return new TruncatedDocument(items == 0 ? "" : closed.ToString(), items, itemLevel >= 0);
    }

    /// <summary>RSS items and Atom entries, whatever their prefix.</summary>
    private static bool IsItem(string name)
    {
        var local = name.AsSpan(name.IndexOf(':') + 1);
        return local is "item" or "entry";
    }

    /// <summary>The element name starting at <paramref name="start"/>; null when the text there cannot start one.</summary>
    private static string? Name(string text, int start)
    {
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not '>' and not '/')
        {
            end++;
        }

        return end > start && (char.IsLetter(text[start]) || text[start] is '_' or ':') ? text[start..end] : null;
    }

    /// <summary>The index just after the markup construct starting at <paramref name="start"/>, or -1 when the text ends inside it.</summary>
    private static int ConstructEnd(string text, int start)
    {
        if (start + 1 >= text.Length)
        {
            return -1;
        }

        if (string.CompareOrdinal(text, start, "<!--", 0, 4) == 0)
        {
            return After(text, "-->", start + 4);
        }

        if (string.CompareOrdinal(text, start, "<![CDATA[", 0, 9) == 0)
        {
            return After(text, "]]>", start + 9);
        }

        if (text[start + 1] == '?')
        {
            return After(text, "?>", start + 2);
        }

        if (text[start + 1] == '!')
        {
            // A DOCTYPE's internal subset holds '>' of its own.
            var stop = text.IndexOfAny(['[', '>'], start + 2);
            if (stop < 0 || text[stop] == '>')
            {
                return stop < 0 ? -1 : stop + 1;
            }

            var subsetEnd = text.IndexOf(']', stop);
            return subsetEnd < 0 ? -1 : After(text, ">", subsetEnd);
        }

        return TagEnd(text, start + 1);
    }

    private static int After(string text, string close, int from)
    {
        var at = text.IndexOf(close, from, StringComparison.Ordinal);
        return at < 0 ? -1 : at + close.Length;
    }

    /// <summary>The index after the '&gt;' closing a tag, skipping quoted attribute values; -1 when there is none.</summary>
    private static int TagEnd(string text, int from)
    {
        var quote = '\0';
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
                return i + 1;
            }
        }

        return -1;
    }
}
