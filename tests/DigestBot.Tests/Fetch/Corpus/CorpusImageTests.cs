using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using DigestBot.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace DigestBot.Tests.Fetch.Corpus;

/// <summary>
/// Corpus feeds that carry pictures (Media RSS, image enclosures, JSON Feed image fields): parsing never fails because of
/// them, and each entry gets a picture when its document plainly has one. The document is read on its own here (XML or
/// JSON, no feed parser): an entry must get a picture when it has an absolute http(s) image of no tiny declared size,
/// and may only get one when it has some picture element at all.
/// </summary>
public sealed class CorpusImageTests(ITestOutputHelper output)
{
    private static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    private static readonly ILookup<string, (int?, int?)> NoSizes = Array.Empty<string>().ToLookup(u => u, _ => ((int?)null, (int?)null));

    [SkippableFact]
    public void Parse_corpusFeedsWithPictures_imagesFoundWherePresent()
    {
        Skip.If(TestPaths.CorpusRoot is null, TestPaths.CorpusMissingMessage);
        var files = new[] { "feedparser", "w3c-feedvalidator", "gofeed", "feed-rs", "codehollow-feedreader", "jsonfeed" }
            .SelectMany(CorpusFiles.Inputs)
            .Where(HasPictureMarkup)
            .ToList();
        var failures = new List<string>();
        int compared = 0, withImages = 0, images = 0;
        foreach (var path in files)
        {
            var outcome = CorpusFiles.Parse(path);
            if (outcome.Escaped is not null)
            {
                failures.Add(outcome.Describe());
                continue;
            }

            if (outcome.Feed is null || Expected(path) is not { } expected || expected.Count != outcome.Feed.Entries.Count)
            {
                continue;
            }

            compared++;
            for (var i = 0; i < expected.Count; i++)
            {
                var found = outcome.Feed.Entries[i].Image;
                if (found is null ? expected[i].Must : !expected[i].May)
                {
                    failures.Add($"{CorpusFiles.Relative(path)} entry {i}: picture {(found is null ? "missing" : $"{found.Url} found, but the entry has no picture element")}");
                }
                else if (found is not null && expected[i].Sizes[found.Url].Where(d => d is ({ }, { })).ToList() is { Count: > 0 } declared
                         && !declared.Contains((found.Width, found.Height)))
                {
                    failures.Add($"{CorpusFiles.Relative(path)} entry {i}: {found.Url} declared {string.Join(" or ", declared)}, found {found.Width}x{found.Height}");
                }
            }

            var count = outcome.Feed.Entries.Count(e => e.Image is not null);
            withImages += count > 0 ? 1 : 0;
            images += count;
        }

        output.WriteLine($"{files.Count} corpus files mention pictures; {compared} compared entry by entry; {images} pictures in {withImages} files");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(withImages >= 20, $"pictures were found in only {withImages} files");
    }

    private static bool HasPictureMarkup(string path)
    {
        var text = File.ReadAllText(path);
        return text.Contains("search.yahoo.com/mrss", StringComparison.Ordinal) || text.Contains("image/", StringComparison.OrdinalIgnoreCase)
               || text.Contains("\"image\"", StringComparison.Ordinal) || text.Contains("\"banner_image\"", StringComparison.Ordinal);
    }

    /// <summary>
    /// Per entry, in document order: whether a picture must be found, whether one may be, and the sizes declared for each
    /// picture URL. Null when the document is not plain XML or JSON.
    /// </summary>
    private static List<EntryPictures>? Expected(string path)
    {
        try
        {
            return path.EndsWith(".json", StringComparison.Ordinal) ? ExpectedJson(File.ReadAllText(path)) : ExpectedXml(path);
        }
        catch (Exception ex) when (ex is XmlException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static List<EntryPictures> ExpectedXml(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        var root = XDocument.Load(reader).Root!;
        return root.Descendants().Where(e => e.Name.LocalName is "item" or "entry" && !e.Ancestors().Any(a => a.Name.LocalName is "item" or "entry"))
            .Select(entry =>
            {
                var candidates = entry.Descendants().Where(e => IsPictureElement(e)).ToList();
                var sizes = candidates.Where(e => Uri.TryCreate(Attr(e, "url") ?? Attr(e, "href"), UriKind.Absolute, out _))
                    .ToLookup(e => new Uri(Attr(e, "url") ?? Attr(e, "href")!).AbsoluteUri, e => (Side(Attr(e, "width")), Side(Attr(e, "height"))));
                return new EntryPictures(candidates.Any(e => IsImage(e) && Showable(Attr(e, "url") ?? Attr(e, "href"), Attr(e, "width"), Attr(e, "height"))),
                    candidates.Count > 0, sizes);
            })
            .ToList();
    }

    private static bool IsPictureElement(XElement e) =>
        e.Name == Media + "thumbnail" || e.Name == Media + "content" || e.Name.LocalName == "image" || e.Name.LocalName == "enclosure"
        || (e.Name.LocalName == "link" && Attr(e, "rel") == "enclosure");

    /// <summary>A thumbnail, or a media:content, enclosure or enclosure link declared as an image.</summary>
    private static bool IsImage(XElement e) =>
        e.Name == Media + "thumbnail"
        || (e.Name == Media + "content" && Attr(e, "medium") == "image")
        || (e.Name.LocalName is "content" or "enclosure" or "link" && (Attr(e, "type")?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ?? false));

    private static List<EntryPictures> ExpectedJson(string text)
    {
        using var document = JsonDocument.Parse(text);
        if (!document.RootElement.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(item =>
        {
            var urls = new[] { Str(item, "image"), Str(item, "banner_image") }.ToList();
            var attachments = item.TryGetProperty("attachments", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
            urls.AddRange(attachments.Where(a => Str(a, "mime_type")?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ?? false).Select(a => Str(a, "url")));
            return new EntryPictures(urls.Any(u => Showable(u, null, null)), urls.Any(u => u is not null), NoSizes);
        }).ToList();
    }

    private static bool Showable(string? url, string? width, string? height) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !Tiny(width) && !Tiny(height);

    private static bool Tiny(string? side) => Side(side) is < 32;

    private static int? Side(string? side) => int.TryParse(side, out var value) && value > 0 ? value : null;

    private static string? Attr(XElement e, string name) => e.Attribute(name)?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private sealed record EntryPictures(bool Must, bool May, ILookup<string, (int? Width, int? Height)> Sizes);
}
