using DigestBot.Model;

namespace DigestBot.Fetch;

/// <summary>What fetching one source produced: articles, "not modified", or an error message for the admin.</summary>
public sealed record FetchResult(FeedSource Source, IReadOnlyList<Article> Articles, bool NotModified, string? Error, string? ETag = null, string? LastModified = null)
{
    public bool Succeeded => Error is null;

    public static FetchResult Failed(FeedSource source, string error) => new(source, [], false, error);
}
