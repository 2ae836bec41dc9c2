using System.Net;
using System.Text;
using System.Xml;

namespace DigestBot.Fetch.Parsing;

/// <summary>
/// Repairs the faults real feeds have, applied only after a strict read failed: text before the root (whitespace, junk,
/// a misplaced XML declaration), characters XML forbids, HTML named entities (&amp;nbsp;) and bare ampersands.
/// CDATA sections and comments are copied untouched.
/// </summary>
internal static class XmlRepair
{
    private static readonly string[] XmlEntities = ["amp", "lt", "gt", "quot", "apos"];

    public static string Repair(string text)
    {
        var output = new StringBuilder(text.Length + 64);
        var start = FirstMarkup(text);
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '<' && Copied(text, ref i, output, "<![CDATA[", "]]>"))
            {
                continue;
            }

            if (c == '<' && Copied(text, ref i, output, "<!--", "-->"))
            {
                continue;
            }

            if (c == '<' && i > start && string.CompareOrdinal(text, i, "<?xml ", 0, 6) == 0)
            {
                // A declaration anywhere but first is an error; dropping it loses nothing the decoder has not used.
                var end = text.IndexOf("?>", i, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 1;
                continue;
            }

            if (c == '&')
            {
                AppendEntity(text, ref i, output);
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                output.Append(c).Append(text[++i]);
                continue;
            }

            if (XmlConvert.IsXmlChar(c))
            {
                output.Append(c);
            }
        }

        return output.ToString();
    }

    private static int FirstMarkup(string text)
    {
        var declaration = text.IndexOf("<?xml", StringComparison.Ordinal);
        var first = text.IndexOf('<');
        return declaration >= 0 && text.AsSpan(0, declaration).Trim().IsEmpty ? declaration : Math.Max(first, 0);
    }

    private static bool Copied(string text, ref int i, StringBuilder output, string open, string close)
    {
        if (string.CompareOrdinal(text, i, open, 0, open.Length) != 0)
        {
            return false;
        }

        var end = text.IndexOf(close, i + open.Length, StringComparison.Ordinal);
        // An unterminated section swallows the rest of the document; closing it lets the parser report a clear error.
        var stop = end < 0 ? text.Length : end + close.Length;
        foreach (var ch in text.AsSpan(i, stop - i))
        {
            if (XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch))
            {
                output.Append(ch);
            }
        }

        i = stop - 1;
        return true;
    }

    private static void AppendEntity(string text, ref int i, StringBuilder output)
    {
        var semicolon = text.IndexOf(';', i + 1, Math.Min(40, text.Length - i - 1));
        var name = semicolon < 0 ? "" : text[(i + 1)..semicolon];
        if (name.Length == 0 || !IsReferenceName(name))
        {
            output.Append("&amp;");
            return;
        }

        if (name[0] == '#')
        {
            // XML only knows a lower-case x for hexadecimal references.
            output.Append(ValidCharacterReference(name) ? $"&#{(name[1] == 'X' ? "x" + name[2..] : name[1..])};" : "\uFFFD");
        }
        else if (XmlEntities.Contains(name))
        {
            output.Append('&').Append(name).Append(';');
        }
        else
        {
            var decoded = WebUtility.HtmlDecode($"&{name};");
            if (decoded.StartsWith('&'))
            {
                // Unknown names (including entities a DTD would have declared) become literal text, never expanded.
                output.Append("&amp;").Append(name).Append(';');
            }
            else
            {
                foreach (var rune in decoded.EnumerateRunes())
                {
                    output.Append("&#").Append(rune.Value).Append(';');
                }
            }
        }

        i = semicolon;
    }

    private static bool IsReferenceName(string name) =>
        name[0] == '#' ? name.Length > 1 : name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' or '.');

    private static bool ValidCharacterReference(string reference)
    {
        var hex = reference.Length > 1 && reference[1] is 'x' or 'X';
        var digits = reference[(hex ? 2 : 1)..];
        return int.TryParse(digits, hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None,
                   System.Globalization.CultureInfo.InvariantCulture, out var code)
               && code is > 0 and <= 0x10FFFF
               && (code > 0xFFFF || XmlConvert.IsXmlChar((char)code));
    }

    /// <summary>Adds a namespace declaration for <paramref name="prefix"/> to the root element, or null when there is no root tag.</summary>
    public static string? DeclarePrefix(string text, string prefix)
    {
        for (var i = text.IndexOf('<'); i >= 0 && i + 1 < text.Length; i = text.IndexOf('<', i + 1))
        {
            if (char.IsLetter(text[i + 1]) || text[i + 1] == '_')
            {
                var nameEnd = i + 1;
                while (nameEnd < text.Length && !char.IsWhiteSpace(text[nameEnd]) && text[nameEnd] is not '>' and not '/')
                {
                    nameEnd++;
                }

                var declaration = $" xmlns:{prefix}=\"{FeedNamespaces.ForUndeclaredPrefix(prefix).NamespaceName}\"";
                return text.Insert(nameEnd, declaration);
            }
        }

        return null;
    }
}
