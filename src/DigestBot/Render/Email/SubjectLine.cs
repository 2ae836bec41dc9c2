using DigestBot.Model;

namespace DigestBot.Render.Email;

/// <summary>The digest's subject line: its title and the lead story's, cleaned for a header by <see cref="HeaderText"/>.</summary>
public static class SubjectLine
{
    public static string For(Digest digest) => For(digest, digest.Sections);

    /// <summary>The subject of one reader's copy: its lead is the first story of the sections that copy shows, so a story
    /// the reader left out (a section not chosen, a muted word) never reaches their inbox through the subject.</summary>
    public static string For(Digest digest, IReadOnlyList<SectionDigest> sections)
    {
        var lead = sections.SelectMany(s => s.Items).FirstOrDefault()?.Article.Title;
        var subject = lead is null ? digest.Title : $"{digest.Title}: {lead}";
        return HeaderText.Clean(subject);
    }
}
