using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace DigestBot.Tests.Web.Archive;

/// <summary>
/// Structural checks written from the specifications: RFC 4287 (Atom 1.0) sections 4.1-4.2 and JSON Feed 1.1
/// (jsonfeed.org/version/1.1). Each returns the violations found, empty when the document conforms.
/// </summary>
internal static partial class FeedSpecs
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static readonly HashSet<string> JsonFeedTopLevel =
    [
        "version", "title", "home_page_url", "feed_url", "description", "user_comment", "next_url", "icon", "favicon", "authors",
        "language", "expired", "hubs", "items", "author",
    ];

    private static readonly HashSet<string> JsonFeedItem =
    [
        "id", "url", "external_url", "title", "content_html", "content_text", "summary", "image", "banner_image", "date_published",
        "date_modified", "authors", "tags", "language", "attachments", "author",
    ];

    public static IReadOnlyList<string> Atom10(XDocument document)
    {
        var errors = new List<string>();
        var feed = document.Root;
        if (feed?.Name != Atom + "feed")
        {
            return ["root element is not atom:feed"];
        }

        One(errors, feed, "id", "feed", IsAbsoluteIri);
        One(errors, feed, "title", "feed", _ => true);
        One(errors, feed, "updated", "feed", IsRfc3339);
        var entries = feed.Elements(Atom + "entry").ToList();
        var feedAuthors = feed.Elements(Atom + "author").ToList();
        if (feedAuthors.Count == 0 && entries.Any(e => !e.Elements(Atom + "author").Any()))
        {
            errors.Add("feed has no atom:author and not every entry has one (4.1.1)");
        }

        foreach (var author in feed.Descendants(Atom + "author"))
        {
            if (author.Elements(Atom + "name").Count() != 1)
            {
                errors.Add("an atom:author must have exactly one atom:name (3.2.1)");
            }
        }

        Links(errors, feed, "feed");
        if (feed.Elements(Atom + "link").Count(l => (string?)l.Attribute("rel") == "self") != 1)
        {
            errors.Add("feed must have one link rel=self");
        }

        if (!feed.Elements(Atom + "link").Any(l => (string?)l.Attribute("rel") is "alternate" or null))
        {
            errors.Add("feed has no link rel=alternate");
        }

        TextConstructs(errors, feed);
        foreach (var entry in entries)
        {
            var name = $"entry {(string?)entry.Element(Atom + "id")}";
            One(errors, entry, "id", name, IsAbsoluteIri);
            One(errors, entry, "title", name, _ => true);
            One(errors, entry, "updated", name, IsRfc3339);
            if (entry.Elements(Atom + "published").Count() > 1 || entry.Elements(Atom + "published").Any(p => !IsRfc3339(p.Value)))
            {
                errors.Add($"{name}: at most one atom:published, as an RFC 3339 date");
            }

            Links(errors, entry, name);
            if (!entry.Elements(Atom + "link").Any(l => (string?)l.Attribute("rel") is "alternate" or null))
            {
                errors.Add($"{name}: no link rel=alternate");
            }

            var contents = entry.Elements(Atom + "content").ToList();
            if (contents.Count != 1 || (string?)contents[0].Attribute("type") != "html" || contents[0].HasElements)
            {
                errors.Add($"{name}: must have one atom:content type=\"html\" holding escaped text (4.1.3)");
            }

            TextConstructs(errors, entry);
        }

        var ids = entries.Select(e => (string?)e.Element(Atom + "id")).ToList();
        if (ids.Distinct().Count() != ids.Count)
        {
            errors.Add("entry ids are not unique");
        }

        return errors;
    }

    public static IReadOnlyList<string> JsonFeed11(JsonNode? document)
    {
        var errors = new List<string>();
        if (document is not JsonObject feed)
        {
            return ["the document is not a JSON object"];
        }

        if (Text(feed, "version") != "https://jsonfeed.org/version/1.1")
        {
            errors.Add("version must be https://jsonfeed.org/version/1.1");
        }

        if (string.IsNullOrEmpty(Text(feed, "title")))
        {
            errors.Add("title is required");
        }

        foreach (var key in new[] { "home_page_url", "feed_url" })
        {
            if (!IsAbsoluteIri(Text(feed, key)))
            {
                errors.Add($"{key} must be an absolute URL");
            }
        }

        errors.AddRange(feed.Select(p => p.Key).Where(k => !JsonFeedTopLevel.Contains(k) && !k.StartsWith('_')).Select(k => $"unknown top-level key {k}"));
        Authors(errors, feed, "feed");
        if (feed["items"] is not JsonArray items)
        {
            errors.Add("items must be an array");
            return errors;
        }

        var ids = new List<string?>();
        foreach (var node in items)
        {
            if (node is not JsonObject item)
            {
                errors.Add("an item is not an object");
                continue;
            }

            var id = Text(item, "id");
            ids.Add(id);
            var name = $"item {id}";
            if (string.IsNullOrEmpty(id))
            {
                errors.Add("an item has no id string");
            }

            if (!IsAbsoluteIri(Text(item, "url")))
            {
                errors.Add($"{name}: url must be an absolute URL");
            }

            if (string.IsNullOrEmpty(Text(item, "content_html")))
            {
                errors.Add($"{name}: content_html is required here");
            }

            if (!IsRfc3339(Text(item, "date_published")))
            {
                errors.Add($"{name}: date_published must be an RFC 3339 date");
            }

            errors.AddRange(item.Select(p => p.Key).Where(k => !JsonFeedItem.Contains(k) && !k.StartsWith('_')).Select(k => $"{name}: unknown key {k}"));
            Authors(errors, item, name);
        }

        if (ids.Distinct().Count() != ids.Count)
        {
            errors.Add("item ids are not unique");
        }

        return errors;
    }

    private static void One(List<string> errors, XElement parent, string child, string where, Func<string, bool> valid)
    {
        var found = parent.Elements(Atom + child).ToList();
        if (found.Count != 1 || !valid(found[0].Value.Trim()))
        {
            errors.Add($"{where}: must have exactly one valid atom:{child} ({found.Count} found)");
        }
    }

    private static void Links(List<string> errors, XElement parent, string where)
    {
        var links = parent.Elements(Atom + "link").ToList();
        if (links.Any(l => !IsAbsoluteIri((string?)l.Attribute("href"))))
        {
            errors.Add($"{where}: every atom:link needs an absolute href");
        }

        var alternates = links.Where(l => (string?)l.Attribute("rel") is "alternate" or null)
            .GroupBy(l => ((string?)l.Attribute("type"), (string?)l.Attribute("hreflang")));
        if (alternates.Any(g => g.Count() > 1))
        {
            errors.Add($"{where}: more than one alternate link with the same type and hreflang (4.1.1)");
        }
    }

    private static void TextConstructs(List<string> errors, XElement parent)
    {
        foreach (var element in new[] { "title", "summary", "subtitle", "rights" }.SelectMany(n => parent.Elements(Atom + n)))
        {
            if ((string?)element.Attribute("type") is { } type && type is not ("text" or "html" or "xhtml"))
            {
                errors.Add($"atom:{element.Name.LocalName} has type {type} (3.1.1)");
            }
        }
    }

    private static void Authors(List<string> errors, JsonObject owner, string where)
    {
        if (owner["authors"] is null)
        {
            return;
        }

        if (owner["authors"] is not JsonArray authors
            || authors.Any(a => a is not JsonObject o || !(o.ContainsKey("name") || o.ContainsKey("url") || o.ContainsKey("avatar"))))
        {
            errors.Add($"{where}: authors must be objects with a name, url or avatar");
        }
    }

    private static string? Text(JsonObject owner, string key) =>
        owner[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool IsAbsoluteIri(string? value) => Uri.TryCreate(value, UriKind.Absolute, out _);

    private static bool IsRfc3339(string? value) => value is not null && Rfc3339().IsMatch(value) && DateTimeOffset.TryParse(value, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
