namespace DigestBot.Render.Archive;

/// <summary>One edition in the archive index: its page, when it was sent (digest's time zone) and its first headlines.</summary>
public sealed record ArchiveIndexEntry(string Url, string When, IReadOnlyList<string> Headlines);
