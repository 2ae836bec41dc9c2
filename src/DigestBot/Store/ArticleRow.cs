using DigestBot.Model;

namespace DigestBot.Store;

internal sealed class ArticleRow
{
    private const char CategorySeparator = '\u001f';

    public string Id { get; set; } = "";
    public string SourceId { get; set; } = "";
    public string SectionId { get; set; } = "";
    public string Link { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Summary { get; set; }
    public string? ContentHtml { get; set; }
    public string? Author { get; set; }
    public long Published { get; set; }
    public long? Updated { get; set; }
    public string? Categories { get; set; }
    public string? ImageUrl { get; set; }
    public int? ImageWidth { get; set; }
    public int? ImageHeight { get; set; }
    public string? ImageDescription { get; set; }
    public int FeedPosition { get; set; }
    public string? SourceName { get; set; }
    public string? Rights { get; set; }
    public long FirstSeen { get; set; }

    public static ArticleRow From(Article a, long firstSeen) => new()
    {
        Id = a.Id,
        SourceId = a.SourceId,
        SectionId = a.SectionId,
        Link = a.Link,
        Title = a.Title,
        Summary = a.Summary,
        ContentHtml = a.ContentHtml,
        Author = a.Author,
        Published = UnixTime.ToMs(a.Published),
        Updated = a.Updated is { } u ? UnixTime.ToMs(u) : null,
        Categories = a.Categories.Count == 0 ? null : string.Join(CategorySeparator, a.Categories),
        ImageUrl = a.Image?.Url,
        ImageWidth = a.Image?.Width,
        ImageHeight = a.Image?.Height,
        ImageDescription = a.Image?.Description,
        FeedPosition = a.FeedPosition,
        SourceName = a.SourceName,
        Rights = a.Rights,
        FirstSeen = firstSeen,
    };

    public Article ToArticle() => new()
    {
        Id = Id,
        SourceId = SourceId,
        SectionId = SectionId,
        Link = Link,
        Title = Title,
        Summary = Summary,
        ContentHtml = ContentHtml,
        Author = Author,
        Published = UnixTime.FromMs(Published),
        Updated = UnixTime.FromMs(Updated),
        Categories = string.IsNullOrEmpty(Categories) ? [] : Categories.Split(CategorySeparator),
        Image = ImageUrl is null ? null : new ArticleImage(ImageUrl, ImageWidth, ImageHeight, ImageDescription),
        FeedPosition = FeedPosition,
        SourceName = SourceName,
        Rights = Rights,
    };
}
