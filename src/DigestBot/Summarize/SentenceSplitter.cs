namespace DigestBot.Summarize;

/// <summary>Splits plain text into sentences, without breaking at common abbreviations, initials or decimals.</summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "vs", "etc", "e.g", "i.e", "no", "inc", "ltd", "co", "corp",
        "gen", "sen", "rep", "gov", "lt", "col", "capt", "mt", "ft", "approx", "est", "fig", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        foreach (var end in Boundaries(text))
        {
            var sentence = text[start..end].Trim();
            if (sentence.Length > 0)
            {
                sentences.Add(sentence);
            }

            start = end;
        }

        var rest = text[start..].Trim();
        if (rest.Length > 0)
        {
            sentences.Add(rest);
        }

        return sentences;
    }

    /// <summary>The largest index at most <paramref name="limit"/> where a sentence ends, or -1.</summary>
    public static int LastSentenceEnd(string text, int limit)
    {
        var last = -1;
        foreach (var end in Boundaries(text))
        {
            if (end > limit)
            {
                break;
            }

            last = end;
        }

        return last;
    }

    /// <summary>Exclusive end indexes of sentences, in order; the text's own end counts when it ends a sentence.</summary>
    private static IEnumerable<int> Boundaries(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?' or '…' or '。' or '！' or '？'))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '\'' or '”' or '’' or ')' or ']' or '»' or '.' or '!' or '?')
            {
                end++;
            }

            if (end == text.Length || c is '。' or '！' or '？' || (text[end] == ' ' && StartsSentence(text, end) && !(c == '.' && IsAbbreviation(text, i))))
            {
                yield return end;
                i = end - 1;
            }
        }
    }

    private static bool StartsSentence(string text, int space)
    {
        var next = space;
        while (next < text.Length && text[next] == ' ')
        {
            next++;
        }

        if (next == text.Length)
        {
            return false;
        }

        var c = text[next];
        return char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\'' or '“' or '‘' or '(' or '«' || (char.IsLetter(c) && !char.IsLower(c));
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not ('(' or '"' or '“'))
        {
            start--;
        }

        var word = text[start..dot];
        return (word.Length == 1 && char.IsUpper(word[0]))
            || Abbreviations.Contains(word)
            || (word.Length <= 4 && word.Contains('.'));
    }
}
