namespace DigestBot.Fetch;

/// <summary>A feed parsed into one model, whatever its format.</summary>
public sealed record ParsedFeed(string Format, string? Title, string? Link, string? Rights, IReadOnlyList<ParsedEntry> Entries);

public sealed record ParsedEntry
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public string? Link { get; init; }
    public string? Summary { get; init; }
    public string? ContentHtml { get; init; }
    public string? Author { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public string? ImageUrl { get; init; }
}
