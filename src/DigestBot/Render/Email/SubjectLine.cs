using System.Text;
using DigestBot.Model;

namespace DigestBot.Render.Email;

/// <summary>Builds subject lines from feed text safely: no control character (CR/LF included) can reach a header.</summary>
public static class SubjectLine
{
    public const int MaxLength = 150;

    public static string For(Digest digest)
    {
        var lead = digest.Sections.SelectMany(s => s.Items).FirstOrDefault()?.Article.Title;
        var subject = lead is null ? digest.Title : $"{digest.Title}: {lead}";
        return Clean(subject);
    }

    public static string Clean(string value)
    {
        var builder = new StringBuilder(value.Length);
        var lastWasSpace = false;
        foreach (var c in value)
        {
            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (isSpace && !lastWasSpace && builder.Length > 0)
            {
                builder.Append(' ');
            }
            else if (!isSpace)
            {
                builder.Append(c);
            }

            lastWasSpace = isSpace;
        }

        var cleaned = builder.ToString().Trim();
        return cleaned.Length <= MaxLength ? cleaned : cleaned[..(MaxLength - 1)].TrimEnd() + "…";
    }
}
