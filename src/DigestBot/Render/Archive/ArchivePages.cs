using System.Globalization;
using AngleSharp.Html.Parser;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Email;
using DigestBot.Store;
using Microsoft.Extensions.Options;

namespace DigestBot.Render.Archive;

/// <summary>
/// Archive pages from the email templates. An edition is rendered with an anonymous model: no name, no unsubscribe or
/// preferences link (the template shows the archive's own links instead), times in the digest's time zone.
/// </summary>
public sealed class ArchivePages(EmailRenderer renderer, ArchiveLinks links, IOptionsMonitor<EmailOptions> email)
{
    private const int IndexHeadlines = 3;

    public ArchivePageLinks LinksFor(string digestId, string canonicalUrl) => new(
        canonicalUrl, links.Absolute(ArchiveAddress.Index(digestId)), links.Absolute(ArchiveAddress.Atom(digestId)),
        links.Absolute(ArchiveAddress.JsonFeed(digestId)), links.Absolute("subscribe"));

    public EmailModel Model(Digest digest, TimeZoneInfo zone, ArchivePageLinks pageLinks) => new(
        digest, digest.Sections, RecipientName: "", Preheader: string.Join(" · ", Headlines(digest).Take(IndexHeadlines)),
        UnsubscribeUrl: "", PreferencesUrl: "", email.CurrentValue.PostalAddress, email.CurrentValue.FromName, zone, ViewInBrowserUrl: null, pageLinks);

    public Task<string> EditionAsync(string digestId, TimeZoneInfo zone, Digest digest) =>
        renderer.RenderPageAsync(EmailRenderer.HtmlTemplate, Model(digest, zone, LinksFor(digestId, links.PageOf(digest, zone))));

    public Task<string> IndexAsync(string digestId, DigestOptions options, IReadOnlyList<ArchivedEdition> editions, int page, int pageCount)
    {
        var zone = ArchiveLinks.Zone(options);
        var entries = editions
            .Select(e => new ArchiveIndexEntry(links.PageOf(e.Digest, zone), When(e.Digest, zone), Headlines(e.Digest).Take(IndexHeadlines).ToList()))
            .ToList();
        var model = new ArchiveIndexModel(
            options.Title, LinksFor(digestId, links.Absolute(ArchiveAddress.IndexPage(digestId, page))), entries, page, pageCount,
            page > 1 ? links.Absolute(ArchiveAddress.IndexPage(digestId, page - 1)) : null,
            page < pageCount ? links.Absolute(ArchiveAddress.IndexPage(digestId, page + 1)) : null,
            email.CurrentValue.FromName, email.CurrentValue.PostalAddress);
        return renderer.RenderPageAsync(EmailRenderer.ArchiveIndexTemplate, model);
    }

    /// <summary>The edition as feed content: the page's content table with its CSS inlined, as feed readers drop style blocks.</summary>
    public async Task<string> FeedContentAsync(string digestId, TimeZoneInfo zone, Digest digest)
    {
        var page = await EditionAsync(digestId, zone, digest);
        var inlined = PreMailer.Net.PreMailer.MoveCssInline(page, removeStyleElements: true, stripIdAndClassAttributes: false).Html;
        using var document = new HtmlParser().ParseDocument(inlined);
        return document.QuerySelector("table.container")?.OuterHtml ?? document.Body?.InnerHtml ?? "";
    }

    /// <summary>"Wednesday 26 November 2026", with the time when the edition is not the one at its day's address.</summary>
    public static string When(Digest digest, TimeZoneInfo zone)
    {
        var local = ArchiveAddress.Local(digest.ScheduledFor, zone);
        var date = local.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
        return ArchiveLinks.HasDayPath(digest, zone) ? date : $"{date}, {local.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    public static IEnumerable<string> Headlines(Digest digest) => digest.Sections.SelectMany(s => s.Items).Select(i => i.Article.Title);
}
