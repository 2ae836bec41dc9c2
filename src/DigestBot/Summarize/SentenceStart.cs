using System.Globalization;

namespace DigestBot.Summarize;

/// <summary>
/// A summary starts like a sentence. Feeds sometimes begin an item in lower case (a subtitle written as a fragment,
/// "a look at ..."); only an all-lower-case first word is raised, so names such as "iPhone" or "eBay" keep their case.
/// </summary>
public static class SentenceStart
{
    public static string Capitalized(string text)
    {
        if (text.Length == 0 || !char.IsLower(text[0]))
        {
            return text;
        }

        var end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            if (char.IsUpper(text[end]))
            {
                return text;
            }

            end++;
        }

        // A word ends at a space or punctuation; a letter run into a symbol ("â€œ") is mis-decoded text, not a word.
        return end == text.Length || char.IsWhiteSpace(text[end]) || text[end] is ',' or ';' or ':' or '\'' or '’' or '-' or '.' or '!' or '?'
            ? char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..]
            : text;
    }
}
