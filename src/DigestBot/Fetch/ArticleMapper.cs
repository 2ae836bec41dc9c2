using System.Security.Cryptography;
using System.Text;
using DigestBot.Model;

namespace DigestBot.Fetch;

/// <summary>
/// Turns parsed entries into articles: stable ids (from the entry id, else the canonical link) so re-fetches and re-dated
/// items de-duplicate, canonical links, plain-text titles, sanitized HTML, UTC dates.
/// </summary>
public static class ArticleMapper
{
    private const int MaxTitleLength = 300;

    public static IReadOnlyList<Article> ToArticles(ParsedFeed feed, FeedSource source, DateTimeOffset fetchedAt)
    {
        var articles = new List<Article>(feed.Entries.Count);
        var sourceBase = source.Location.IsFile ? null : source.Location;
        var baseUri = Uri.TryCreate(feed.Link, UriKind.Absolute, out var feedLink) && feedLink.Scheme is "http" or "https" ? feedLink : sourceBase;
        for (var position = 0; position < feed.Entries.Count; position++)
        {
            var entry = feed.Entries[position];
            var link = LinkCanonicalizer.Canonicalize(entry.Link, baseUri) ?? LinkCanonicalizer.Canonicalize(entry.Id, baseUri);
            var linkUri = link is null ? baseUri : new Uri(link);
            var summary = HtmlContent.Sanitize(entry.Summary, linkUri);
            var content = HtmlContent.Sanitize(entry.ContentHtml, linkUri);
            var title = Title(entry) ?? Truncate(HtmlContent.ToText(summary ?? content), 80);
            if (link is null || title is null)
            {
                continue;
            }

            articles.Add(new Article
            {
                Id = StableId(source.Id, string.IsNullOrWhiteSpace(entry.Id) ? link : entry.Id.Trim()),
                SourceId = source.Id,
                SectionId = source.SectionId,
                Title = Truncate(title, MaxTitleLength)!,
                Link = link,
                Summary = summary,
                ContentHtml = content,
                Author = HtmlContent.CollapseWhitespace(entry.Author),
                Published = (entry.Published ?? entry.Updated ?? fetchedAt).ToUniversalTime(),
                Updated = entry.Updated?.ToUniversalTime(),
                Categories = entry.Categories,
                Image = entry.Image?.IsShowable() == true ? entry.Image : null,
                FeedPosition = position,
                SourceName = source.Name ?? HtmlContent.CollapseWhitespace(feed.Title),
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

    private static string? Title(ParsedEntry entry) =>
        entry.TitleIsHtml ? HtmlContent.ToText(entry.Title) : HtmlContent.CollapseWhitespace(entry.Title);

    private static string? Truncate(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";
}
