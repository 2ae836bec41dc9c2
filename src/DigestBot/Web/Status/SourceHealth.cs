namespace DigestBot.Web.Status;

/// <summary>A configured source and its last fetch: <see cref="State"/> is "ok", "failing" or "never fetched".</summary>
public sealed record SourceHealth(
    string Id,
    string Section,
    string Url,
    bool Enabled,
    string State,
    DateTimeOffset? LastAttempt,
    DateTimeOffset? LastSuccess,
    long Items,
    string? LastError);
