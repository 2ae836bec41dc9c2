namespace DigestBot.Fetch;

/// <summary>A feed parsed into one model, whatever its format.</summary>
/// <param name="Format">Format and version detected from the content, e.g. rss20, rss10, atom10, json11.</param>
/// <param name="Recovered">True when the document was not well-formed and the parser repaired it (or guessed its encoding).</param>
public sealed record ParsedFeed(string Format, string? Title, string? Link, string? Rights, IReadOnlyList<ParsedEntry> Entries)
{
    public string? Subtitle { get; init; }
    public string? Language { get; init; }
    public string? Author { get; init; }
    public string? AuthorEmail { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public string? ImageUrl { get; init; }
    public IReadOnlyList<FeedLink> Links { get; init; } = [];
    public bool Recovered { get; init; }

    /// <summary>What was lost while reading, for the admin: e.g. a document cut short, read only up to its last complete item.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
