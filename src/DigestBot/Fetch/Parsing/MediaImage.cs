using System.Xml.Linq;
using static DigestBot.Fetch.Parsing.FeedNamespaces;

namespace DigestBot.Fetch.Parsing;

/// <summary>An entry's picture: media:thumbnail, an image media:content (also inside media:group), an image enclosure, itunes:image.</summary>
internal static class MediaImage
{
    public static string? Find(XElement entry, IReadOnlyList<FeedLink> enclosures, Uri? entryBase)
    {
        var media = entry.Elements().Concat(entry.Elements(Media + "group").Elements()).ToList();
        var thumbnail = media.Where(e => e.Name == Media + "thumbnail")
            .Concat(media.Where(e => e.Name == Media + "content").Elements(Media + "thumbnail"))
            .Select(e => FeedXml.Attr(e, "url"))
            .FirstOrDefault(u => u is not null);
        var content = media.Where(e => e.Name == Media + "content" && IsImage(FeedXml.Attr(e, "medium"), FeedXml.Attr(e, "type"), FeedXml.Attr(e, "url")))
            .Select(e => FeedXml.Attr(e, "url"))
            .FirstOrDefault(u => u is not null);
        var enclosure = enclosures.FirstOrDefault(e => IsImage(null, e.Type, e.Href))?.Href;
        var itunes = FeedXml.Attr(entry.Element(Itunes + "image"), "href");
        return FeedXml.Resolve(thumbnail ?? content ?? enclosure ?? itunes, entryBase);
    }

    private static bool IsImage(string? medium, string? type, string? url) =>
        medium == "image"
        || (type?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ?? false)
        || (medium is null && type is null && url is not null
            && (url.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || url.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase)
                || url.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || url.EndsWith(".webp", StringComparison.OrdinalIgnoreCase)
                || url.EndsWith(".gif", StringComparison.OrdinalIgnoreCase)));
}
