using System.Globalization;
using System.Security;

namespace DigestBot.Tests.Support;

public sealed record TestItem(string Title, string Link, DateTimeOffset Published, string Summary, string? Guid = null);

/// <summary>Builds small feeds for tests, with dates relative to the test's clock.</summary>
public static class TestFeeds
{
    public static string Rss(string title, string link, params TestItem[] items)
    {
        var entries = string.Concat(items.Select(i => $"""
            <item>
              <title>{SecurityElement.Escape(i.Title)}</title>
              <link>{SecurityElement.Escape(i.Link)}</link>
              <guid isPermaLink="false">{SecurityElement.Escape(i.Guid ?? i.Link)}</guid>
              <pubDate>{i.Published.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture)} GMT</pubDate>
              <description>{SecurityElement.Escape(i.Summary)}</description>
            </item>
            """));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0">
              <channel>
                <title>{SecurityElement.Escape(title)}</title>
                <link>{SecurityElement.Escape(link)}</link>
                <description>Test feed</description>
                {entries}
              </channel>
            </rss>
            """;
    }
}
