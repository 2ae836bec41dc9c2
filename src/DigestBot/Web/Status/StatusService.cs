using DigestBot.Options;
using DigestBot.Scheduling;
using DigestBot.Store;
using Microsoft.Extensions.Options;
using Quartz;

namespace DigestBot.Web.Status;

/// <summary>Gathers the status report from configuration, Quartz's triggers and the store.</summary>
public sealed class StatusService(
    IOptionsMonitor<CatalogOptions> catalog,
    IOptionsMonitor<DiscordOptions> discord,
    ISchedulerFactory schedulers,
    SourceStatusStore sources,
    StatusQueries queries,
    SuppressionStore suppressions,
    TimeProvider clock)
{
    public const int EditionsShown = 5;

    public async Task<StatusReport> BuildAsync(CancellationToken cancellationToken = default)
    {
        var options = catalog.CurrentValue;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var digests = new List<DigestStatus>();
        foreach (var (id, digest) in options.Digests.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var trigger = await scheduler.GetTrigger(new TriggerKey(id, ScheduleSynchronizer.Group), cancellationToken) as ICronTrigger;
            var zone = trigger?.TimeZone ?? DigestBot.Options.TimeZones.TryFind(digest.TimeZone) ?? TimeZoneInfo.Utc;
            var next = trigger?.NextFireTimeUtc;
            digests.Add(new DigestStatus(
                id,
                digest.Title,
                digest.Enabled,
                trigger is not null,
                trigger?.CronExpressionString ?? digest.Cron,
                trigger?.TimeZone.Id ?? digest.TimeZone,
                next,
                next is { } n ? TimeZoneInfo.ConvertTime(n, zone) : null,
                trigger?.PreviousFireTimeUtc,
                await queries.RecentEditionsAsync(id, EditionsShown, cancellationToken)));
        }

        var fetched = (await sources.ListAsync(cancellationToken)).ToDictionary(s => s.SourceId, StringComparer.OrdinalIgnoreCase);
        var sourceHealth = options.Sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s =>
        {
            fetched.TryGetValue(s.Key, out var f);
            var state = f?.LastAttempt is null ? "never fetched" : f.LastError is null ? "ok" : "failing";
            return new SourceHealth(s.Key, s.Value.Section, s.Value.Url, s.Value.Enabled, state,
                UnixTime.FromMs(f?.LastAttempt), UnixTime.FromMs(f?.LastSuccess), f?.Items ?? 0, f?.LastError);
        }).ToList();

        var posts = (await queries.DiscordPostsAsync(cancellationToken)).ToDictionary(p => p.Destination, StringComparer.OrdinalIgnoreCase);
        var discordOptions = discord.CurrentValue;
        var destinations = discordOptions.Destinations.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d =>
        {
            posts.TryGetValue(d.Key, out var p);
            var users = options.Digests.Where(g => g.Value.Discord.Contains(d.Key, StringComparer.OrdinalIgnoreCase)).Select(g => g.Key).Order().ToList();
            return new DiscordDestinationStatus(d.Key, ModeOf(d.Value, discordOptions), users, p?.Posts ?? 0, p?.LastPostedAt);
        }).ToList();

        return new StatusReport(clock.GetUtcNow(), digests, sourceHealth, destinations, await queries.SubscriberCountsAsync(cancellationToken),
            await suppressions.CountAsync(cancellationToken));
    }

    // Never expose the webhook URL or token: the mode is enough for an operator to see what is missing.
    private static string ModeOf(DiscordDestinationOptions destination, DiscordOptions discord) =>
        !string.IsNullOrEmpty(destination.WebhookUrl) ? "webhook"
        : string.IsNullOrEmpty(destination.ChannelId) ? "outbox"
        : !string.IsNullOrEmpty(discord.BotToken) ? "bot"
        : "not configured";
}
