namespace DigestBot.Fetch;

/// <summary>One read of a source: the parsed feed, or "not modified" (no feed), with the validators to send next time.</summary>
public sealed record FetchedDocument(ParsedFeed? Feed, bool NotModified, string? ETag, string? LastModified);
