using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Options;
using DigestBot.Render.Pages;
using DigestBot.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static DigestBot.Web.Subscriptions.SubscriptionPages;

namespace DigestBot.Web.Subscriptions;

/// <summary>
/// Subscribe (double opt-in), confirm, preferences and unsubscribe. Links carry an HMAC token bound to the address and
/// the purpose. State changes only on POST: mail scanners that follow GET links cannot confirm or unsubscribe anyone,
/// while a POST to the List-Unsubscribe URL unsubscribes in one click (RFC 8058).
/// </summary>
public static partial class SubscriptionEndpoints
{
    public static IEndpointRouteBuilder MapSubscriptionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/subscribe", (IOptionsMonitor<CatalogOptions> catalog) => SubscribeForm(catalog.CurrentValue));
        app.MapPost("/subscribe", SubscribeAsync).RequireRateLimiting(SubscribeRateLimit.PolicyName);
        app.MapGet("/confirm", (HttpRequest request, LinkSigner signer) => Signed(request, signer, LinkSigner.Confirm) is null
            ? Invalid()
            : Page(PageRenderer.Confirm, new ConfirmPageModel(PostBack(request))));
        app.MapPost("/confirm", ConfirmAsync);
        app.MapGet("/preferences", PreferenceEndpoints.ShowAsync);
        app.MapPost("/preferences", PreferenceEndpoints.SaveAsync);
        app.MapGet("/unsubscribe", (HttpRequest request, LinkSigner signer) => Signed(request, signer, LinkSigner.Unsubscribe) is { } email
            ? Page(PageRenderer.Unsubscribe, new UnsubscribePageModel(email, PostBack(request)))
            : Invalid());
        app.MapPost("/unsubscribe", UnsubscribeAsync);
        return app;
    }

    /// <summary>The address of a signed link, or null when the token does not match this address and purpose.</summary>
    internal static string? Signed(HttpRequest request, LinkSigner signer, string purpose)
    {
        var email = request.Query["email"].ToString();
        return email.Length > 0 && signer.Verify(purpose, email, request.Query["token"].ToString()) ? SubscriberStore.Normalize(email) : null;
    }

    private static async Task<IResult> SubscribeAsync(
        HttpRequest request, SubscriberStore store, OptInRequests optIns, IOptionsMonitor<CatalogOptions> catalog, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var (form, unreadable) = await FormChoices.ReadAsync(request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var email = SubscriberStore.Normalize(form["email"].ToString());
        if (!EmailAddresses.IsValid(email))
        {
            return SubscribeForm(catalog.CurrentValue, "Please enter a valid email address.", StatusCodes.Status400BadRequest);
        }

        var existing = await store.FindAsync(email, cancellationToken);
        // The form's choices are checked the same way for everyone, so a refusal says nothing about who is subscribed.
        var (chosen, refusal) = PreferenceForm.Read(form, catalog.CurrentValue, existing, sectionRequired: false);
        if (chosen is null)
        {
            return refusal!;
        }

        // An active subscriber is left alone, and the answer is the same either way: the page never tells who is subscribed.
        try
        {
            var pending = new Subscriber(email, OptInRequests.CleanName(form["name"].ToString()), chosen.Sections,
                chosen.Digests ?? existing?.Digests ?? [], SubscriberStatus.Pending, chosen.TimeZone)
            {
                DeliveryHour = chosen.DeliveryHour,
                MutedWords = chosen.MutedWords,
            };
            await optIns.RequestAsync(existing, pending, cancellationToken);
        }
        catch (Exception ex) when (OptInRequests.IsSendFailure(ex))
        {
            LogConfirmationFailed(loggers.CreateLogger(typeof(SubscriptionEndpoints)), email, ex);
            return Message("Please try again later", "We could not send the confirmation email just now.", StatusCodes.Status503ServiceUnavailable);
        }

        return Page(PageRenderer.Subscribe, new SubscribePageModel(null, SentTo: email));
    }

    private static async Task<IResult> ConfirmAsync(HttpRequest request, LinkSigner signer, SubscriberStore store, CancellationToken cancellationToken)
    {
        if (Signed(request, signer, LinkSigner.Confirm) is not { } email || await store.FindAsync(email, cancellationToken) is not { } subscriber)
        {
            return Invalid();
        }

        // The reader's own confirmation is the one thing that may bring back an address that unsubscribed, bounced or was removed.
        if (subscriber.Status != SubscriberStatus.Active)
        {
            await store.ConfirmOptInAsync(email, cancellationToken);
        }

        var preferences = signer.Link("preferences", LinkSigner.Preferences, email);
        return Page(PageRenderer.Confirm, new ConfirmPageModel(null, email, preferences));
    }

    private static async Task<IResult> UnsubscribeAsync(HttpRequest request, LinkSigner signer, SubscriberStore store, CancellationToken cancellationToken)
    {
        if (Signed(request, signer, LinkSigner.Unsubscribe) is not { } email)
        {
            return Invalid();
        }

        await store.SetStatusAsync(email, SubscriberStatus.Unsubscribed, cancellationToken);
        return Page(PageRenderer.Unsubscribe, new UnsubscribePageModel(email, null));
    }

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Could not send the confirmation email to {Email}")]
    private static partial void LogConfirmationFailed(ILogger logger, string email, Exception exception);
}
