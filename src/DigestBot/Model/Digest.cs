namespace DigestBot.Model;

/// <summary>One edition of a digest: what every channel delivers for (digest, scheduled slot).</summary>
public sealed record Digest(
    string DigestId,
    string Title,
    string EditionId,
    DateTimeOffset ScheduledFor,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<SectionDigest> Sections)
{
    public int ArticleCount => Sections.Sum(s => s.Items.Count);
}
