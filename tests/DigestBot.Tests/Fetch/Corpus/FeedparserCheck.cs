using System.Text.Json;
using DigestBot.Fetch;
using DigestBot.Fetch.Parsing;

namespace DigestBot.Tests.Fetch.Corpus;

/// <summary>
/// Evaluates one feedparser expectation (path, op, value) against our model. feedparser's names map onto ours:
/// description/tagline/subtitle are <see cref="ParsedFeed.Subtitle"/>, entry description is the summary, content[0].value
/// the content, tags[].term and category the categories, author "name (email)", dates compared as instants; bozo is
/// "had to recover (or failed)". Paths with no counterpart in our model return null (not applicable).
/// </summary>
internal static class FeedparserCheck
{
    public static bool? Evaluate(ParsedFeed? feed, JsonElement check)
    {
        var path = check.GetProperty("path").EnumerateArray().Select(p => p.ValueKind == JsonValueKind.Number ? (object)p.GetInt32() : p.GetString()!).ToList();
        var op = check.GetProperty("op").GetString();
        var expected = check.GetProperty("value");
        if (path is ["bozo"])
        {
            return (feed is null || feed.Recovered) == expected.GetBoolean();
        }

        if (feed is null)
        {
            return false;
        }

        if (op == "len==" && path is ["entries"])
        {
            return feed.Entries.Count == expected.GetInt32();
        }

        if (!TryResolve(feed, path, out var actual))
        {
            return null;
        }

        return op switch
        {
            "==" when actual is DateTimeOffset date => expected.ValueKind == JsonValueKind.String && FeedDate.Parse(expected.GetString()) == date,
            "==" => expected.ValueKind == JsonValueKind.String && Normalize(actual as string) == Normalize(expected.GetString()),
            "!=" => expected.ValueKind == JsonValueKind.Null ? actual is not null : !Equals(actual, expected.ToString()),
            _ => null,
        };
    }

    private static bool TryResolve(ParsedFeed feed, List<object> path, out object? value)
    {
        value = path switch
        {
            ["version"] => feed.Format,
            ["feed", "title"] => feed.Title,
            ["feed", "link"] => feed.Link,
            ["feed", "description" or "tagline" or "subtitle"] => feed.Subtitle ?? "",
            ["feed", "language"] => feed.Language,
            ["feed", "author"] => Person(feed.Author, feed.AuthorEmail),
            ["feed", "links", int i, "href"] => feed.Links.ElementAtOrDefault(i)?.Href,
            ["feed", "links", int i, "rel"] => feed.Links.ElementAtOrDefault(i)?.Rel,
            ["entries", int i, .. var rest] when i < feed.Entries.Count => Entry(feed.Entries[i], rest),
            ["entries", int, ..] => null,
            _ => Unsupported,
        };
        return !ReferenceEquals(value, Unsupported);
    }

    private static readonly object Unsupported = new();

    private static object? Entry(ParsedEntry entry, List<object> path) => path switch
    {
        ["title"] => entry.Title,
        ["link"] => entry.Link,
        ["id"] => entry.Id,
        ["summary" or "description"] => entry.Summary ?? entry.ContentHtml,
        ["content", 0, "value"] => entry.ContentHtml,
        ["author"] => Person(entry.Author, entry.AuthorEmail),
        ["published"] => entry.Published,
        ["updated"] => entry.Updated,
        ["category"] => entry.Categories.FirstOrDefault(),
        ["tags", int j, "term"] => entry.Categories.ElementAtOrDefault(j),
        ["links", int j, "href"] => entry.Links.ElementAtOrDefault(j)?.Href,
        ["links", int j, "rel"] => entry.Links.ElementAtOrDefault(j)?.Rel,
        ["enclosures", int j, "href" or "url"] => entry.Enclosures.ElementAtOrDefault(j)?.Href,
        ["enclosures", int j, "type"] => entry.Enclosures.ElementAtOrDefault(j)?.Type,
        ["enclosures", int j, "length"] => entry.Enclosures.ElementAtOrDefault(j)?.Length,
        _ => Unsupported,
    };

    private static string? Person(string? name, string? email) =>
        name is not null && email is not null ? $"{name} ({email})" : name ?? email;

    private static string? Normalize(string? text) => text?.Trim();
}
