using DigestBot.Model;

namespace DigestBot.Fetch;

/// <summary>What fetching one source produced: articles, "not modified", or an error message for the admin.</summary>
public sealed record FetchResult(FeedSource Source, IReadOnlyList<Article> Articles, bool NotModified, string? Error, string? ETag = null, string? LastModified = null)
{
    public bool Succeeded => Error is null;

    /// <summary>Problems that did not stop the fetch but lost data, e.g. a feed cut short of which only the complete items were read.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static FetchResult Failed(FeedSource source, string error) => new(source, [], false, error);
}
