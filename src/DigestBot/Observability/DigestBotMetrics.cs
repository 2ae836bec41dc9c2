using System.Diagnostics.Metrics;
using DigestBot.Store;

namespace DigestBot.Observability;

/// <summary>
/// The application's own instruments, on the <see cref="MeterName"/> meter. They cost almost nothing when nobody listens;
/// <c>Telemetry:Enabled</c> attaches the OpenTelemetry exporters to them.
/// </summary>
public sealed class DigestBotMetrics
{
    public const string MeterName = "DigestBot";

    private readonly Counter<long> editions;
    private readonly Counter<long> emailsSent;
    private readonly Counter<long> emailsFailed;
    private readonly Counter<long> discordPosts;
    private readonly Counter<long> fetchErrors;
    private readonly Histogram<double> sendDuration;

    public DigestBotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        editions = meter.CreateCounter<long>("digestbot.editions", "{edition}", "Editions finished, by digest and status.");
        emailsSent = meter.CreateCounter<long>("digestbot.emails.sent", "{email}", "Emails the SMTP server accepted.");
        emailsFailed = meter.CreateCounter<long>("digestbot.emails.failed", "{email}", "Emails the SMTP server refused.");
        discordPosts = meter.CreateCounter<long>("digestbot.discord.posts", "{message}", "Discord messages posted.");
        fetchErrors = meter.CreateCounter<long>("digestbot.fetch.errors", "{error}", "Feed fetches that failed, by source.");
        sendDuration = meter.CreateHistogram<double>("digestbot.send.duration", "s", "Time to deliver one edition on one channel.");
    }

    public void EditionFinished(string digestId, EditionStatus status) => editions.Add(1, Tag("digest", digestId), Tag("status", status.ToText()));

    public void EmailsDelivered(string digestId, long sent, long failed)
    {
        if (sent > 0)
        {
            emailsSent.Add(sent, Tag("digest", digestId));
        }

        if (failed > 0)
        {
            emailsFailed.Add(failed, Tag("digest", digestId));
        }
    }

    public void DiscordPosted(string digestId, long posts)
    {
        if (posts > 0)
        {
            discordPosts.Add(posts, Tag("digest", digestId));
        }
    }

    public void FetchFailed(string sourceId) => fetchErrors.Add(1, Tag("source", sourceId));

    public void SendTook(string digestId, string channel, TimeSpan elapsed) =>
        sendDuration.Record(elapsed.TotalSeconds, Tag("digest", digestId), Tag("channel", channel));

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
