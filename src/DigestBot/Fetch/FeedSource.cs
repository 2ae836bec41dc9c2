using DigestBot.Options;

namespace DigestBot.Fetch;

/// <summary>A configured source, resolved: its id, where it lives, and which section it feeds.</summary>
public sealed record FeedSource(string Id, Uri Location, string SectionId, string? Name, double Weight)
{
    public static FeedSource From(string id, SourceOptions options, string contentRoot)
    {
        var location = Uri.TryCreate(options.Url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "file"
            ? absolute
            : new Uri(Path.GetFullPath(options.Url, contentRoot));
        return new FeedSource(id, location, options.Section, options.Name, options.Weight);
    }
}
