namespace DigestBot.Model;

/// <summary>One stored article. <see cref="Id"/> is stable across fetches (derived from the feed's id or canonical link).</summary>
public sealed record Article
{
    public required string Id { get; init; }
    public required string SourceId { get; init; }
    public required string SectionId { get; init; }
    public required string Title { get; init; }
    public required string Link { get; init; }
    public string? Summary { get; init; }
    public string? ContentHtml { get; init; }
    public string? Author { get; init; }
    public required DateTimeOffset Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>The story's picture, when its feed gives one.</summary>
    public ArticleImage? Image { get; init; }

    /// <summary>0 for the first item of the source feed: editors put the lead story first.</summary>
    public int FeedPosition { get; init; }

    public string? SourceName { get; init; }
    public string? Rights { get; init; }
}
