namespace DigestBot.Store;

/// <summary>A source's last fetch: times in unix ms, the validators for the next conditional GET, items in the last full fetch.</summary>
public sealed record SourceStatus(string SourceId, long? LastAttempt, long? LastSuccess, string? LastError, string? ETag, string? LastModified, long Items);
