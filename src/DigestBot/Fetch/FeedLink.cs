namespace DigestBot.Fetch;

/// <summary>A link of a feed or entry (Atom link, RSS enclosure, JSON Feed attachment), resolved when it was relative.</summary>
public sealed record FeedLink(string Href, string? Rel = null, string? Type = null, string? Length = null);
