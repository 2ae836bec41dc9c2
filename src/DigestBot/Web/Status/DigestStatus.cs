using DigestBot.Store;

namespace DigestBot.Web.Status;

/// <summary>A digest's schedule as Quartz holds it (so a reloaded appsettings.json shows here at once) and its last editions.</summary>
public sealed record DigestStatus(
    string Id,
    string Title,
    bool Enabled,
    bool Scheduled,
    string Cron,
    string TimeZone,
    DateTimeOffset? NextFireUtc,
    DateTimeOffset? NextFireLocal,
    DateTimeOffset? PreviousFireUtc,
    IReadOnlyList<EditionSummary> Editions);
