namespace DigestBot.Web.Archive;

/// <summary>A page or feed of the archive, ready to send with its validators and how long caches may keep it.</summary>
public sealed record ArchiveResponse(byte[] Body, string ContentType, DateTimeOffset? LastModified, TimeSpan MaxAge);
