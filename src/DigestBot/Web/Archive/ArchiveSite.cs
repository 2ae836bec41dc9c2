using System.Text;
using DigestBot.Options;
using DigestBot.Render.Archive;
using DigestBot.Store;
using Microsoft.Extensions.Options;

namespace DigestBot.Web.Archive;

/// <summary>Finds what an archive URL names and renders it; null means 404 (no such digest, archive off, no such edition).</summary>
public sealed class ArchiveSite(
    ArchiveLinks links,
    ArchiveQueries queries,
    ArchivePages pages,
    IOptionsMonitor<ArchiveOptions> options,
    IOptionsMonitor<CatalogOptions> catalog,
    IOptionsMonitor<EmailOptions> email)
{
    private const string Html = "text/html; charset=utf-8";

    // A finished edition never changes; lists and feeds change when the next edition finishes.
    private static readonly TimeSpan FinishedEdition = TimeSpan.FromHours(1);
    private static readonly TimeSpan Listing = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Latest = TimeSpan.FromMinutes(1);

    public async Task<ArchiveResponse?> IndexAsync(string digestId, int page, CancellationToken cancellationToken = default)
    {
        if (links.Archived(digestId) is not { } digest)
        {
            return null;
        }

        var size = options.CurrentValue.PageSize;
        var pageCount = Math.Max(1, (await queries.CountAsync(digest.Id, cancellationToken) + size - 1) / size);
        if (page > pageCount)
        {
            return null;
        }

        var editions = await queries.PageAsync(digest.Id, (page - 1) * size, size, cancellationToken);
        var html = await pages.IndexAsync(digest.Id, digest.Options, editions, page, pageCount);
        return new ArchiveResponse(Encoding.UTF8.GetBytes(html), Html, LastChange(editions), Listing);
    }

    /// <param name="time">The slot segment (<c>HHmm</c> or <c>HHmmss</c>), or null for the day's address.</param>
    public async Task<ArchiveResponse?> EditionAsync(string digestId, string date, string? time, CancellationToken cancellationToken = default)
    {
        if (links.Archived(digestId) is not { } digest || !ArchiveAddress.TryParseDate(date, out var day))
        {
            return null;
        }

        var zone = ArchiveLinks.Zone(digest.Options);
        var (from, to) = ArchiveAddress.DayRange(day);
        var ofDay = (await queries.BetweenAsync(digest.Id, from, to, cancellationToken))
            .Where(e => ArchiveAddress.LocalDate(e.Digest.ScheduledFor, zone) == day)
            .ToList();
        var edition = time is null
            ? ofDay.FirstOrDefault(e => ArchiveLinks.HasDayPath(e.Digest, zone)) ?? ofDay.FirstOrDefault()
            : ofDay.FirstOrDefault(e => ArchiveAddress.TimeSegment(e.Digest.ScheduledFor, zone) == time);
        if (edition is null)
        {
            return null;
        }

        var html = await pages.EditionAsync(digest.Id, zone, edition.Digest);
        var finished = edition.CompletedAt is not null;
        return new ArchiveResponse(Encoding.UTF8.GetBytes(html), Html, edition.CompletedAt ?? edition.Digest.GeneratedAt, finished ? FinishedEdition : Latest);
    }

    /// <summary>The latest finished edition of the default digest (<c>Web:Archive:DefaultDigest</c>, else the first archived digest by id).</summary>
    public async Task<ArchiveResponse?> LatestAsync(CancellationToken cancellationToken = default)
    {
        var configured = options.CurrentValue.DefaultDigest;
        var digestId = string.IsNullOrWhiteSpace(configured)
            ? catalog.CurrentValue.Digests.Where(d => d.Value.Archive).Select(d => d.Key).Order(StringComparer.Ordinal).FirstOrDefault()
            : configured;
        if (digestId is null || links.Archived(digestId) is not { } digest)
        {
            return null;
        }

        var latest = (await queries.PageAsync(digest.Id, 0, 1, cancellationToken)).FirstOrDefault();
        if (latest is null)
        {
            return null;
        }

        var html = await pages.EditionAsync(digest.Id, ArchiveLinks.Zone(digest.Options), latest.Digest);
        return new ArchiveResponse(Encoding.UTF8.GetBytes(html), Html, latest.CompletedAt, Latest);
    }

    public async Task<ArchiveResponse?> FeedAsync(string digestId, bool atom, CancellationToken cancellationToken = default)
    {
        if (links.Archived(digestId) is not { } digest)
        {
            return null;
        }

        var zone = ArchiveLinks.Zone(digest.Options);
        var editions = await queries.PageAsync(digest.Id, 0, options.CurrentValue.PageSize, cancellationToken);
        var entries = new List<ArchiveFeedEntry>();
        foreach (var edition in editions)
        {
            var content = edition.Digest;
            entries.Add(new ArchiveFeedEntry(
                links.SlotPageOf(content, zone), links.PageOf(content, zone), $"{content.Title} · {ArchivePages.When(content, zone)}",
                string.Join(" · ", ArchivePages.Headlines(content).Take(5)), await pages.FeedContentAsync(digest.Id, zone, content), content.ScheduledFor));
        }

        var feed = new ArchiveFeed(
            digest.Options.Title, links.Absolute(ArchiveAddress.Index(digest.Id)), links.Absolute(ArchiveAddress.Atom(digest.Id)),
            links.Absolute(ArchiveAddress.JsonFeed(digest.Id)), email.CurrentValue.FromName, LastChange(editions), entries);
        return atom
            ? new ArchiveResponse(AtomFeedWriter.Write(feed), AtomFeedWriter.ContentType, feed.Updated, Listing)
            : new ArchiveResponse(JsonFeedWriter.Write(feed), JsonFeedWriter.ContentType, feed.Updated, Listing);
    }

    private static DateTimeOffset? LastChange(IReadOnlyList<ArchivedEdition> editions) =>
        editions.Count == 0 ? null : editions.Max(e => e.CompletedAt ?? e.Digest.ScheduledFor);
}
