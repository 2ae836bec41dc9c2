using System.Globalization;
using DigestBot.Model;

namespace DigestBot.Render.Email;

/// <summary>What the email templates see: one digest, personalised for one subscriber, or for nobody on an archive page
/// (<paramref name="Archive"/> set: no name, no personal links).</summary>
/// <param name="ViewInBrowserUrl">The edition's public archive page, shown at the top of an email; null when there is none.</param>
public sealed record EmailModel(
    Digest Digest,
    IReadOnlyList<SectionDigest> Sections,
    string RecipientName,
    string Preheader,
    string UnsubscribeUrl,
    string PreferencesUrl,
    string PostalAddress,
    string FromName,
    TimeZoneInfo? TimeZone = null,
    string? ViewInBrowserUrl = null,
    ArchivePageLinks? Archive = null)
{
    /// <summary>An article time in the reader's time zone (UTC when they have none), e.g. "25 Nov, 09:12 UTC".</summary>
    public string When(DateTimeOffset time)
    {
        var zone = TimeZone ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(time, zone);
        var suffix = zone == TimeZoneInfo.Utc ? "UTC" : local.ToString("'UTC'zzz", CultureInfo.InvariantCulture);
        return local.ToString("d MMM, HH:mm ", CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>The line under a story: source, time, other sources, credit (see <see cref="StoryMeta"/>).</summary>
    public string Meta(DigestItem item) => StoryMeta.Line(item, When(item.Article.Published));

    /// <summary>Full rights notices of the sources shown, once per source, for those whose stories carry only a copyright line.</summary>
    public IReadOnlyList<SourceNotice> Notices =>
        Sections.SelectMany(s => s.Items)
            .Select(i => i.Article)
            .Where(a => RightsNotice.IsReduced(a.Rights))
            .DistinctBy(a => a.SourceId, StringComparer.OrdinalIgnoreCase)
            .Select(a => new SourceNotice(a.SourceName ?? a.SourceId, RightsNotice.Full(a.Rights)!))
            .ToList();

    /// <summary>The edition date in the reader's time zone.</summary>
    public string EditionDate =>
        TimeZoneInfo.ConvertTime(Digest.ScheduledFor, TimeZone ?? TimeZoneInfo.Utc).ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Only absolute http(s) links reach an href; anything else (javascript:, data:, relative) becomes "#".</summary>
    public static string SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : "#";
}
