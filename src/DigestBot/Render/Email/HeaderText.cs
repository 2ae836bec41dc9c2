using System.Globalization;
using System.Text;

namespace DigestBot.Render.Email;

/// <summary>
/// The one cleaning rule for outside text (feed titles, subscriber names, form input, configuration) bound for an email
/// header: control characters (C0, C1, DEL) and line or paragraph separators become a space, whitespace runs collapse,
/// and long text is cut between characters. How the cleaned text is then written (encoded-words included) is
/// <c>MessageHeaders</c>' part.
/// </summary>
public static class HeaderText
{
    public const int MaxLength = 150;

    public static string Clean(string? value, int maxLength = MaxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(value.Length);
        var lastWasSpace = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c) || IsSeparator(c);
            if (isSpace && !lastWasSpace && builder.Length > 0)
            {
                builder.Append(' ');
            }
            else if (!isSpace)
            {
                // A lone surrogate has no UTF-8 form: readers would show garbage or refuse the header.
                var paired = char.IsSurrogatePair(value, i);
                builder.Append(char.IsSurrogate(c) && !paired ? '\uFFFD' : c);
                if (paired)
                {
                    builder.Append(value[++i]);
                }
            }

            lastWasSpace = isSpace;
        }

        var cleaned = builder.ToString().TrimEnd();
        if (cleaned.Length <= maxLength)
        {
            return cleaned;
        }

        var cut = maxLength - 1;
        if (char.IsLowSurrogate(cleaned[cut]))
        {
            cut--;
        }

        return cleaned[..cut].TrimEnd() + "…";
    }

    /// <summary>
    /// Whether a reader could take part of the text for an RFC 2047 encoded-word (<c>=?charset?Q?...?=</c>). Such text
    /// has to be written encoded itself (RFC 2047, section 5): written as it is, readers decode whatever the feed
    /// encoded in it, CR and LF included.
    /// </summary>
    public static bool LooksEncoded(string value) => value.Contains("=?", StringComparison.Ordinal);

    private static bool IsSeparator(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
