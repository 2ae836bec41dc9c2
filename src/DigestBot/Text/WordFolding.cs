using System.Globalization;
using System.Text;

namespace DigestBot.Text;

/// <summary>
/// Text folded for whole-word matching: lower case, accents removed ("Café" and "cafe" are one word), split at anything
/// that is not a letter or digit, and written as " word word " so that a contains-check of " word " matches whole words
/// and whole phrases only.
/// </summary>
public static class WordFolding
{
    public static string Fold(string? text)
    {
        var builder = new StringBuilder(" ", (text?.Length ?? 0) + 2);
        var inWord = false;
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                AppendLetter(builder, char.ToLowerInvariant(c));
                inWord = true;
            }
            else if (inWord)
            {
                builder.Append(' ');
                inWord = false;
            }
        }

        if (inWord)
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }

    // Letters with a stroke or ligatures have no decomposition, so FormD leaves them whole; readers type them plain.
    private static void AppendLetter(StringBuilder builder, char c) => _ = c switch
    {
        'ø' => builder.Append('o'),
        'ł' => builder.Append('l'),
        'đ' or 'ð' => builder.Append('d'),
        'ħ' => builder.Append('h'),
        'ı' => builder.Append('i'),
        'æ' => builder.Append("ae"),
        'œ' => builder.Append("oe"),
        'ß' => builder.Append("ss"),
        'þ' => builder.Append("th"),
        _ => builder.Append(c),
    };
}
