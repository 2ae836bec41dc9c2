using DigestBot.Model;

namespace DigestBot.Fetch;

/// <summary>One item of a parsed feed. Text fields are as the feed gives them; <see cref="TitleIsHtml"/> says how to read the title.</summary>
public sealed record ParsedEntry
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public bool TitleIsHtml { get; init; }
    public string? Link { get; init; }
    public string? Summary { get; init; }
    public string? ContentHtml { get; init; }
    public string? Author { get; init; }
    public string? AuthorEmail { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>The best picture the entry offers (media, image enclosures or JSON Feed image fields), its URL resolved.</summary>
    public ArticleImage? Image { get; init; }
    public IReadOnlyList<FeedLink> Links { get; init; } = [];
    public IReadOnlyList<FeedLink> Enclosures { get; init; } = [];
}
