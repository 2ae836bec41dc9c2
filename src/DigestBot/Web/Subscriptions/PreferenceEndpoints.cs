using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Pages;
using DigestBot.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static DigestBot.Web.Subscriptions.SubscriptionPages;

namespace DigestBot.Web.Subscriptions;

/// <summary>
/// The preference centre behind the signed preferences link: sections, digests, time zone, delivery hour and muted words.
/// The signed query string is the only credential (no cookie), and the form posts back to the same signed URL, so another
/// site cannot forge a change without the reader's token. Saving never changes whether anyone receives digests.
/// </summary>
internal static partial class PreferenceEndpoints
{
    public static async Task<IResult> ShowAsync(
        HttpRequest request, LinkSigner signer, SubscriberStore store, PreferenceStore preferences, IOptionsMonitor<CatalogOptions> catalog,
        CancellationToken cancellationToken)
    {
        if (SubscriptionEndpoints.Signed(request, signer, LinkSigner.Preferences) is not { } email
            || await store.FindAsync(email, cancellationToken) is not { } subscriber)
        {
            return Invalid();
        }

        return Page(PageRenderer.Preferences, await PageAsync(request, signer, preferences, catalog.CurrentValue, subscriber, null, cancellationToken));
    }

    public static async Task<IResult> SaveAsync(
        HttpRequest request, LinkSigner signer, SubscriberStore store, PreferenceStore preferences, IOptionsMonitor<CatalogOptions> catalog,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (SubscriptionEndpoints.Signed(request, signer, LinkSigner.Preferences) is not { } email)
        {
            return Invalid();
        }

        var (form, unreadable) = await FormChoices.ReadAsync(request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var logger = loggers.CreateLogger(typeof(PreferenceEndpoints));
        var options = catalog.CurrentValue;
        var current = await store.FindAsync(email, cancellationToken);
        var (chosen, refusal) = PreferenceForm.Read(form, options, current);
        if (chosen is null)
        {
            LogRefused(logger, email);
            return refusal!;
        }

        if (current is null || await preferences.SaveAsync(email, chosen, cancellationToken) is not { } changed)
        {
            LogNoSubscriber(logger, email);
            return Invalid();
        }

        LogSaved(logger, email, changed.Count == 0 ? "nothing" : string.Join(", ", changed));
        var saved = await store.FindAsync(email, cancellationToken) ?? current;
        var shown = saved.Sections.Count == 0 ? options.Sections.Keys.ToList() : saved.Sections;
        return Page(PageRenderer.Preferences, await PageAsync(request, signer, preferences, options, saved, shown, cancellationToken));
    }

    private static async Task<PreferencesPageModel> PageAsync(
        HttpRequest request, LinkSigner signer, PreferenceStore preferences, CatalogOptions catalog, Subscriber subscriber,
        IReadOnlyList<string>? saved, CancellationToken cancellationToken)
    {
        var last = (await preferences.HistoryAsync(subscriber.Email, 1, cancellationToken)).FirstOrDefault();
        return new PreferencesPageModel(subscriber.Email, PostBack(request), PreferenceForm.Model(catalog, subscriber),
            signer.Link("unsubscribe", LinkSigner.Unsubscribe, subscriber.Email), last, TimeZones.TryFind(subscriber.TimeZone), saved);
    }

    [LoggerMessage(EventId = 6110, Level = LogLevel.Information, Message = "Preferences of {Email} saved; changed: {Fields}")]
    private static partial void LogSaved(ILogger logger, string email, string fields);

    [LoggerMessage(EventId = 6111, Level = LogLevel.Information, Message = "Preferences form for {Email} refused: a value did not validate")]
    private static partial void LogRefused(ILogger logger, string email);

    [LoggerMessage(EventId = 6112, Level = LogLevel.Information, Message = "Preferences for {Email} not saved: no such subscriber (removed since the link was sent)")]
    private static partial void LogNoSubscriber(ILogger logger, string email);
}
