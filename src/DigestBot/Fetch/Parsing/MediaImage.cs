using System.Globalization;
using System.Xml.Linq;
using DigestBot.Model;
using static DigestBot.Fetch.Parsing.FeedNamespaces;

namespace DigestBot.Fetch.Parsing;

/// <summary>
/// An entry's picture: media:thumbnail, an image media:content (also inside media:group), an image enclosure (RSS
/// enclosure, Atom link rel="enclosure", JSON Feed attachment), itunes:image, JSON Feed image and banner_image. Of the
/// pictures an entry offers, the one picked is the smallest declared at least <see cref="PreferredWidth"/> wide, else
/// the first of unknown size, else the widest; pictures that cannot be shown are never picked.
/// </summary>
internal static class MediaImage
{
    /// <summary>Twice the email's thumbnail width, so it stays sharp on high-density screens; larger only costs bandwidth.</summary>
    public const int PreferredWidth = 240;

    /// <summary>A longer media:description is the story's blurb rather than a description of the picture: no use as alt text.</summary>
    private const int MaxDescriptionLength = 250;

    /// <summary>Larger declared sides are typing errors; the picture is kept, its size treated as unknown.</summary>
    private const int MaxDeclaredSide = 20_000;

    public static ArticleImage? Find(XElement entry, IReadOnlyList<FeedLink> enclosures, Uri? entryBase)
    {
        var media = entry.Elements().Concat(entry.Elements(Media + "group").Elements()).ToList();
        var contents = media.Where(e => e.Name == Media + "content").ToList();
        // Thumbnails come first: among pictures of unknown size, the thumbnail is the one made for lists like a digest.
        var thumbnails = media.Where(e => e.Name == Media + "thumbnail").Select(t => FromElement(t, null, entryBase))
            .Concat(contents.SelectMany(c => c.Elements(Media + "thumbnail").Select(t => FromElement(t, Description(c), entryBase))));
        var images = contents.Where(c => IsImage(FeedXml.Attr(c, "medium"), FeedXml.Attr(c, "type"), FeedXml.Attr(c, "url")))
            .Select(c => FromElement(c, Description(c), entryBase));
        var attached = enclosures.Where(e => IsImage(null, e.Type, e.Href)).Select(e => Create(e.Href, null, null, null, entryBase));
        var itunes = Create(FeedXml.Attr(entry.Element(Itunes + "image"), "href"), null, null, null, entryBase);
        return Best(thumbnails.Concat(images).Concat(attached).Append(itunes));
    }

    /// <summary>The candidate, or null when it cannot be shown (no http(s) URL, or declared smaller than a real picture).</summary>
    public static ArticleImage? Create(string? href, string? width, string? height, string? description, Uri? baseUri)
    {
        var url = FeedXml.Resolve(href, baseUri);
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var text = HtmlContent.ToText(description);
        var image = new ArticleImage(uri.AbsoluteUri, Side(width), Side(height), text is { Length: <= MaxDescriptionLength } ? text : null);
        return image.IsShowable() ? image : null;
    }

    public static ArticleImage? Best(IEnumerable<ArticleImage?> candidates)
    {
        var usable = candidates.OfType<ArticleImage>().ToList();
        return usable.Where(i => i.Width >= PreferredWidth).MinBy(i => i.Width)
               ?? usable.FirstOrDefault(i => i.Width is null)
               ?? usable.MaxBy(i => i.Width);
    }

    /// <summary>Whether a media type or medium names a picture; without either, whether the URL's path looks like one.</summary>
    public static bool IsImage(string? medium, string? type, string? url)
    {
        if (medium is not null || type is not null)
        {
            return string.Equals(medium, "image", StringComparison.OrdinalIgnoreCase)
                   || (type?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ?? false);
        }

        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url ?? "";
        return Path.GetExtension(path).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png" or ".webp" or ".gif" or ".avif";
    }

    private static ArticleImage? FromElement(XElement element, string? description, Uri? entryBase) =>
        Create(FeedXml.Attr(element, "url"), FeedXml.Attr(element, "width"), FeedXml.Attr(element, "height"), description, entryBase);

    /// <summary>The picture's own media:description (plain text or HTML).</summary>
    private static string? Description(XElement content) => FeedXml.Text(content.Element(Media + "description"));

    private static int? Side(string? value)
    {
        var digits = value?.Trim();
        if (digits is not null && digits.EndsWith("px", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[..^2];
        }

        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var side) && side is > 0 and <= MaxDeclaredSide ? side : null;
    }
}
