using System.Security.Cryptography;
using System.Text;
using DigestBot.Model;

namespace DigestBot.Fetch;

/// <summary>Turns parsed entries into articles with stable ids (from the entry id, else the link), so re-fetches de-duplicate.</summary>
public static class ArticleMapper
{
    public static IReadOnlyList<Article> ToArticles(ParsedFeed feed, FeedSource source, DateTimeOffset fetchedAt)
    {
        var articles = new List<Article>(feed.Entries.Count);
        var baseUri = Uri.TryCreate(feed.Link, UriKind.Absolute, out var feedLink) ? feedLink : source.Location;
        for (var position = 0; position < feed.Entries.Count; position++)
        {
            var entry = feed.Entries[position];
            var link = ResolveLink(entry.Link, baseUri);
            var title = entry.Title ?? entry.Summary?[..Math.Min(entry.Summary.Length, 80)];
            if (link is null || string.IsNullOrWhiteSpace(title))
            {
                continue;
            }

            articles.Add(new Article
            {
                Id = StableId(source.Id, entry.Id ?? link),
                SourceId = source.Id,
                SectionId = source.SectionId,
                Title = title,
                Link = link,
                Summary = entry.Summary,
                ContentHtml = entry.ContentHtml,
                Author = entry.Author,
                Published = entry.Published ?? entry.Updated ?? fetchedAt,
                Updated = entry.Updated,
                Categories = entry.Categories,
                ImageUrl = entry.ImageUrl,
                FeedPosition = position,
                SourceName = source.Name ?? feed.Title,
                Rights = feed.Rights,
            });
        }

        return articles;
    }

    public static string StableId(string sourceId, string entryKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{sourceId}\n{entryKey}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private static string? ResolveLink(string? link, Uri baseUri)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }

        return Uri.TryCreate(baseUri, link.Trim(), out var resolved) && resolved.Scheme is "http" or "https"
            ? resolved.AbsoluteUri
            : null;
    }
}
