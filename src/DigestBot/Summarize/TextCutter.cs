using System.Globalization;

namespace DigestBot.Summarize;

/// <summary>
/// Shortens text to at most a number of UTF-16 chars: at a sentence end when one is close enough, else at a word boundary
/// with an ellipsis. A run without spaces longer than any word (e.g. Chinese text) is cut between text elements, so a
/// surrogate pair, a combining mark or an undecoded entity such as <c>&amp;foo;</c> is never split.
/// </summary>
public static class TextCutter
{
    public const string Ellipsis = "…";

    /// <summary>Runs without a space longer than this are not words and may be cut inside.</summary>
    public const int LongestWord = 24;

    public static string Cut(string text, int limit)
    {
        if (limit <= 0)
        {
            return "";
        }

        if (text.Length <= limit)
        {
            return text;
        }

        // A complete sentence that keeps at least half of the room reads better than a longer fragment.
        var sentenceEnd = SentenceSplitter.LastSentenceEnd(text, limit);
        if (sentenceEnd >= limit / 2)
        {
            return text[..sentenceEnd].TrimEnd();
        }

        var room = limit - Ellipsis.Length;
        var space = room <= 0 ? -1 : text.LastIndexOf(' ', room);
        if (space > 0)
        {
            // A trailing semicolon stays: it may close an entity such as "&amp;".
            return text[..space].TrimEnd(' ', ',', ':', '-', '–', '—') + Ellipsis;
        }

        // No whole word fits. A run longer than any real word (text without spaces such as Chinese or Japanese, a URL) is
        // cut between text elements; an ordinary word is left out entirely rather than split.
        var firstWord = text.IndexOf(' ');
        return (firstWord < 0 ? text.Length : firstWord) > LongestWord ? HardCut(text, room) + Ellipsis : "";
    }

    private static string HardCut(string text, int room)
    {
        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var next = elements.ElementIndex + ((string)elements.Current).Length;
            if (next > room)
            {
                break;
            }

            length = next;
        }

        var amp = text.LastIndexOf('&', Math.Max(0, length - 1), Math.Min(length, 32));
        if (amp >= 0 && length > 0 && text.IndexOf(';', amp, length - amp) < 0 && LooksLikeEntity(text, amp))
        {
            length = amp;
        }

        return text[..length];
    }

    private static bool LooksLikeEntity(string text, int amp)
    {
        var end = text.IndexOf(';', amp);
        if (end < 0 || end - amp > 32)
        {
            return false;
        }

        for (var i = amp + 1; i < end; i++)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]) && text[i] != '#')
            {
                return false;
            }
        }

        return end > amp + 1;
    }
}
