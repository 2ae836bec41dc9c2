using System.Text.Json;
using DigestBot.Model;

namespace DigestBot.Fetch.Parsing;

/// <summary>JSON Feed 1.0 and 1.1 (author and authors, summary, image, attachments).</summary>
internal static class JsonFeedReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static ParsedFeed Read(string text, Uri? documentBase)
    {
        using var document = Parse(text, out var truncation);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FeedFormatException("the JSON document is not an object, so not a JSON Feed");
        }

        // Some producers write a bare "1.0" as the version; an object with an items array is still a JSON Feed.
        var version = String(root, "version") ?? "";
        var hasItems = root.TryGetProperty("items", out var itemsProperty) && itemsProperty.ValueKind == JsonValueKind.Array;
        if (!version.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase) && !hasItems)
        {
            throw new FeedFormatException("the JSON document has no JSON Feed \"version\" (https://jsonfeed.org/version/1.1)");
        }

        var homePage = FeedXml.Resolve(String(root, "home_page_url"), documentBase);
        var itemBase = Uri.TryCreate(homePage, UriKind.Absolute, out var home) ? home : documentBase;
        var (author, _) = Author(root);
        var entries = root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(i => ReadItem(i, itemBase)).ToList()
            : [];
        return new ParsedFeed(version.EndsWith('1') && !version.EndsWith("1.1", StringComparison.Ordinal) ? "json10" : version.EndsWith("1.0", StringComparison.Ordinal) ? "json10" : "json11", String(root, "title"), homePage, null, entries)
        {
            Subtitle = String(root, "description"),
            Language = String(root, "language"),
            Author = author,
            ImageUrl = FeedXml.Resolve(String(root, "icon") ?? String(root, "favicon"), itemBase),
            Links = String(root, "feed_url") is { } feedUrl ? [new FeedLink(feedUrl, "self", "application/feed+json")] : [],
            Recovered = truncation is not null,
            Warnings = truncation is null ? [] : [truncation.Warning(entries.Count)],
        };
    }

    private static JsonDocument Parse(string text, out TruncatedDocument? truncation)
    {
        truncation = null;
        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException ex)
        {
            var cut = JsonTruncation.Close(text);
            if (cut is { CompleteItems: 0 })
            {
                throw new FeedFormatException(TruncatedDocument.NoCompleteItem(ex.Message), ex);
            }

            if (cut is not null && TryParse(cut.ClosedText) is { } closed)
            {
                truncation = cut;
                return closed;
            }

            throw new FeedFormatException($"not valid JSON: {ex.Message}", ex);
        }
    }

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ParsedEntry ReadItem(JsonElement item, Uri? itemBase)
    {
        var url = FeedXml.Resolve(String(item, "url"), itemBase);
        var attachments = item.TryGetProperty("attachments", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
                .Select(a => FeedXml.Resolve(String(a, "url"), itemBase) is { } href ? new FeedLink(href, "enclosure", String(a, "mime_type"), Number(a, "size_in_bytes")) : null)
                .OfType<FeedLink>().ToList()
            : [];
        var (author, email) = Author(item);
        return new ParsedEntry
        {
            Id = String(item, "id") ?? Number(item, "id"),
            Title = String(item, "title"),
            Link = url ?? FeedXml.Resolve(String(item, "external_url"), itemBase),
            Summary = String(item, "summary") ?? String(item, "content_text"),
            ContentHtml = String(item, "content_html"),
            Author = author,
            AuthorEmail = email,
            Published = FeedDate.Parse(String(item, "date_published")),
            Updated = FeedDate.Parse(String(item, "date_modified")),
            Categories = item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                ? tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList()
                : [],
            Image = Image(item, itemBase),
            Links = url is null ? attachments : [new FeedLink(url), .. attachments],
            Enclosures = attachments,
        };
    }

    /// <summary>"image" (the item's main picture), then "banner_image", then attachments with an image MIME type (their title describes them).</summary>
    private static ArticleImage? Image(JsonElement item, Uri? itemBase)
    {
        var attachments = item.TryGetProperty("attachments", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
                .Where(a => a.ValueKind == JsonValueKind.Object && MediaImage.IsImage(null, String(a, "mime_type") ?? "", null))
                .Select(a => MediaImage.Create(String(a, "url"), null, null, String(a, "title"), itemBase))
            : [];
        return MediaImage.Best(attachments
            .Prepend(MediaImage.Create(String(item, "banner_image"), null, null, null, itemBase))
            .Prepend(MediaImage.Create(String(item, "image"), null, null, null, itemBase)));
    }

    /// <summary>JSON Feed 1.1 "authors" (an array), else 1.0 "author"; a name, else the url.</summary>
    private static (string? Name, string? Url) Author(JsonElement element)
    {
        var author = element.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array && authors.GetArrayLength() > 0
            ? authors[0]
            : element.TryGetProperty("author", out var single) ? single : default;
        return author.ValueKind == JsonValueKind.Object ? (String(author, "name") ?? String(author, "url"), null) : (null, null);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text.Trim() : null;

    private static string? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText() : null;
}
