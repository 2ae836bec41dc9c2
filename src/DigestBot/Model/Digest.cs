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
    /// <summary>The edition's public archive page, decided once before delivery and recorded with the content, so every
    /// email and post of the edition (resumed ones too) links to the same page; null when the digest has no archive.</summary>
    public string? ArchiveUrl { get; init; }

    public int ArticleCount => Sections.Sum(s => s.Items.Count);
}
