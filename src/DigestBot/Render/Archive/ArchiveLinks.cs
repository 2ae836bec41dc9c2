using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Store;
using Microsoft.Extensions.Options;

namespace DigestBot.Render.Archive;

/// <summary>
/// Absolute archive URLs (from <c>Web:BaseUrl</c>) and which address each edition has. An edition is given its day path
/// when no other edition of the digest was claimed earlier that day, else its slot path; the choice is recorded with the
/// content (<see cref="Digest.ArchiveUrl"/>), so a link once sent keeps naming the same edition.
/// </summary>
public sealed class ArchiveLinks(IOptionsMonitor<CatalogOptions> catalog, IOptionsMonitor<WebOptions> web, ArchiveQueries queries)
{
    /// <summary>The digest's configured id and options when it exists and its archive is on.</summary>
    public (string Id, DigestOptions Options)? Archived(string digestId)
    {
        var digests = catalog.CurrentValue.Digests;
        var id = digests.Keys.FirstOrDefault(k => string.Equals(k, digestId, StringComparison.OrdinalIgnoreCase));
        return id is not null && digests[id] is { Archive: true } options ? (id, options) : null;
    }

    public static TimeZoneInfo Zone(DigestOptions options) => TimeZones.TryFind(options.TimeZone) ?? TimeZoneInfo.Utc;

    public string Absolute(string path) => new Uri(web.CurrentValue.BaseUrl, path).AbsoluteUri;

    /// <summary>The digest with its archive page set, or unchanged when its archive is off.</summary>
    public async Task<Digest> AssignAsync(Digest digest, CancellationToken cancellationToken = default)
    {
        if (Archived(digest.DigestId) is not { } archived)
        {
            return digest;
        }

        var zone = Zone(archived.Options);
        var date = ArchiveAddress.LocalDate(digest.ScheduledFor, zone);
        var earlier = await queries.OtherSlotsAsync(digest.DigestId, ArchiveAddress.DayRange(date).From, digest.ScheduledFor, cancellationToken);
        var path = earlier.Any(s => ArchiveAddress.LocalDate(s, zone) == date)
            ? ArchiveAddress.Slot(digest.DigestId, digest.ScheduledFor, zone)
            : ArchiveAddress.Day(digest.DigestId, date);
        return digest with { ArchiveUrl = Absolute(path) };
    }

    /// <summary>Whether the edition was given its day path (editions recorded before the archive existed were not).</summary>
    public static bool HasDayPath(Digest digest, TimeZoneInfo zone) =>
        digest.ArchiveUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.AbsolutePath.EndsWith("/" + ArchiveAddress.Day(digest.DigestId, ArchiveAddress.LocalDate(digest.ScheduledFor, zone)), StringComparison.Ordinal);

    /// <summary>The edition's address under the current base URL: its day path when it was given that, else its slot path.</summary>
    public string PageOf(Digest digest, TimeZoneInfo zone) => Absolute(HasDayPath(digest, zone)
        ? ArchiveAddress.Day(digest.DigestId, ArchiveAddress.LocalDate(digest.ScheduledFor, zone))
        : ArchiveAddress.Slot(digest.DigestId, digest.ScheduledFor, zone));

    /// <summary>The edition's permanent slot address, used as its feed id.</summary>
    public string SlotPageOf(Digest digest, TimeZoneInfo zone) => Absolute(ArchiveAddress.Slot(digest.DigestId, digest.ScheduledFor, zone));
}
