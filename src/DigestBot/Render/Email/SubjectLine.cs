using DigestBot.Model;

namespace DigestBot.Render.Email;

/// <summary>The digest's subject line: its title and the lead story's, cleaned for a header by <see cref="HeaderText"/>.</summary>
public static class SubjectLine
{
    public static string For(Digest digest)
    {
        var lead = digest.Sections.SelectMany(s => s.Items).FirstOrDefault()?.Article.Title;
        var subject = lead is null ? digest.Title : $"{digest.Title}: {lead}";
        return HeaderText.Clean(subject);
    }
}
