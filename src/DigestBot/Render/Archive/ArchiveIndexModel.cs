using DigestBot.Render.Email;

namespace DigestBot.Render.Archive;

/// <summary>What the archive index template sees: one page of a digest's editions, newest first.</summary>
/// <param name="NewerUrl">The previous page (newer editions), null on the first page.</param>
/// <param name="OlderUrl">The next page (older editions), null on the last page.</param>
public sealed record ArchiveIndexModel(
    string Title,
    ArchivePageLinks Links,
    IReadOnlyList<ArchiveIndexEntry> Entries,
    int Page,
    int PageCount,
    string? NewerUrl,
    string? OlderUrl,
    string FromName,
    string PostalAddress);
