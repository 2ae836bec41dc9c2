using System.Text.RegularExpressions;
using DigestBot.Summarize;
using DigestBot.Text;

namespace DigestBot.Render.Email;

/// <summary>
/// A feed's rights notice (RSS copyright, Atom rights) reduced to what fits beside a story: its copyright line
/// ("© Example News 2024"). Notices can run to a paragraph of terms of use, which belong once in the footer, not
/// under every story.
/// </summary>
public static partial class RightsNotice
{
    public const int ShortLength = 60;

    /// <summary>The whole notice as one line of plain text, or null when the feed has none.</summary>
    public static string? Full(string? rights)
    {
        // "Â©" is a copyright sign encoded twice by the publisher; it is common enough in feeds to read it as meant.
        var text = PlainText.From(rights).Replace("Â©", "©", StringComparison.Ordinal);
        return text.Length == 0 ? null : text;
    }

    /// <summary>The copyright line of the notice, at most <see cref="ShortLength"/> chars, or null when it has none.</summary>
    public static string? Short(string? rights)
    {
        if (Full(rights) is not { } full)
        {
            return null;
        }

        string line;
        if (Marker().Match(full) is { Success: true } marker)
        {
            line = SentenceSplitter.Split(full[marker.Index..])[0];
        }
        else if (full.Length <= ShortLength)
        {
            line = full;
        }
        else
        {
            return null;
        }

        line = ReservedPhrase().Replace(Normalized(line), "").Trim().TrimEnd('.', ',', ' ');
        return line.Length == 0 || line == "©" ? null : TextCutter.Cut(line, ShortLength);
    }

    /// <summary>True when the short line leaves part of the notice out, so the full notice must be shown elsewhere.</summary>
    public static bool IsReduced(string? rights) =>
        Full(rights) is { } full && !string.Equals(Short(rights), Normalized(full).TrimEnd('.', ' '), StringComparison.Ordinal);

    private static string Normalized(string text) => CopyrightWord().Replace(text, "© ");

    [GeneratedRegex(@"©|℗|\(c\)|\bCopyright\b", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();

    [GeneratedRegex(@"^(?:Copyright\s*(?:©|\(c\))?|\(c\)|©)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex CopyrightWord();

    [GeneratedRegex(@"[.,;]?\s*(?:All rights reserved|Alle Rechte vorbehalten|Tous droits réservés|Todos os direitos reservados|Todos los derechos reservados|Tutti i diritti riservati)\.?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReservedPhrase();
}
