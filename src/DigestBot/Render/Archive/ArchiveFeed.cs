namespace DigestBot.Render.Archive;

/// <summary>A digest's editions as a feed, whatever the format it is written in. All URLs are absolute.</summary>
/// <param name="Updated">When the feed last changed: the latest edition's completion, or null when there is none yet.</param>
public sealed record ArchiveFeed(
    string Title,
    string IndexUrl,
    string AtomUrl,
    string JsonFeedUrl,
    string Author,
    DateTimeOffset? Updated,
    IReadOnlyList<ArchiveFeedEntry> Entries);

/// <param name="Id">The edition's permanent slot address, which never changes even when its link is the day address.</param>
public sealed record ArchiveFeedEntry(string Id, string Url, string Title, string Summary, string ContentHtml, DateTimeOffset Published);
