using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Options;
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
        app.MapGet("/subscribe", (IOptionsMonitor<CatalogOptions> catalog) =>
            Page("Subscribe", SubscribeForm(catalog.CurrentValue)));
        app.MapPost("/subscribe", SubscribeAsync).RequireRateLimiting(SubscribeRateLimit.PolicyName);
        app.MapGet("/confirm", (HttpRequest request, LinkSigner signer) => Signed(request, signer, LinkSigner.Confirm) is null
            ? Invalid()
            : Page("Confirm your subscription", PostForm(request.Path + request.QueryString, "Confirm my subscription")));
        app.MapPost("/confirm", ConfirmAsync);
        app.MapGet("/preferences", PreferencesAsync);
        app.MapPost("/preferences", SavePreferencesAsync);
        app.MapGet("/unsubscribe", (HttpRequest request, LinkSigner signer) => Signed(request, signer, LinkSigner.Unsubscribe) is { } email
            ? Page("Unsubscribe", $"<p>Stop sending digests to <strong>{E(email)}</strong>?</p>" + PostForm(request.Path + request.QueryString, "Unsubscribe"))
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
        HttpRequest request, SubscriberStore store, ConfirmationSender confirmations, IOptionsMonitor<CatalogOptions> catalog,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (FormChoices.NotAForm(request) is { } notAForm)
        {
            return notAForm;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var email = SubscriberStore.Normalize(form["email"].ToString());
        if (!EmailAddresses.IsValid(email))
        {
            return Page("Subscribe", "<p>Please enter a valid email address.</p>" + SubscribeForm(catalog.CurrentValue), StatusCodes.Status400BadRequest);
        }

        var (sections, refusal) = FormChoices.Choose(form["section"], catalog.CurrentValue.Sections.Keys, "section");
        if (refusal is not null)
        {
            return refusal;
        }

        var existing = await store.FindAsync(email, cancellationToken);
        // An active subscriber is left alone, and the answer is the same either way: the page never tells who is subscribed.
        if (existing?.Status != SubscriberStatus.Active)
        {
            var name = form["name"].ToString().Trim();
            var pending = new Subscriber(email, name.Length == 0 ? null : name[..Math.Min(name.Length, 100)], sections, existing?.Digests ?? [],
                SubscriberStatus.Pending, existing?.TimeZone);
            await store.RequestOptInAsync(pending, cancellationToken);
            try
            {
                await confirmations.SendAsync(pending, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException)
            {
                LogConfirmationFailed(loggers.CreateLogger(typeof(SubscriptionEndpoints)), email, ex);
                return Page("Please try again later", "<p>We could not send the confirmation email just now.</p>", StatusCodes.Status503ServiceUnavailable);
            }
        }

        return Page("Check your inbox", $"<p>We sent a confirmation link to <strong>{E(email)}</strong>. Your subscription starts when you open it.</p>");
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
        return Page("You are subscribed", $"<p>Digests will be sent to <strong>{E(email)}</strong>.</p><p><a href=\"{E(preferences)}\">Choose your sections</a></p>");
    }

    private static async Task<IResult> PreferencesAsync(
        HttpRequest request, LinkSigner signer, SubscriberStore store, IOptionsMonitor<CatalogOptions> catalog, CancellationToken cancellationToken)
    {
        if (Signed(request, signer, LinkSigner.Preferences) is not { } email || await store.FindAsync(email, cancellationToken) is not { } subscriber)
        {
            return Invalid();
        }

        var boxes = SectionBoxes(catalog.CurrentValue.Sections.Select(s =>
            (s.Key, s.Value.Title, subscriber.Sections.Count == 0 || subscriber.Sections.Contains(s.Key, StringComparer.OrdinalIgnoreCase))));
        var digests = FormChoices.Digests(catalog.CurrentValue);
        if (digests.Count > 1)
        {
            boxes += "<p>Digests:</p>" + DigestBoxes(digests.Select(d => (d, catalog.CurrentValue.Digests[d].Title, subscriber.Reads(d))));
        }

        var unsubscribe = signer.Link("unsubscribe", LinkSigner.Unsubscribe, email);
        return Page("Your sections", $"<p>Sections sent to <strong>{E(email)}</strong>:</p>" + PostForm(request.Path + request.QueryString, "Save", boxes) +
            $"<p><a href=\"{E(unsubscribe)}\">Unsubscribe from everything</a></p>");
    }

    private static async Task<IResult> SavePreferencesAsync(
        HttpRequest request, LinkSigner signer, SubscriberStore store, IOptionsMonitor<CatalogOptions> catalog, CancellationToken cancellationToken)
    {
        if (Signed(request, signer, LinkSigner.Preferences) is not { } email)
        {
            return Invalid();
        }

        if (FormChoices.NotAForm(request) is { } notAForm)
        {
            return notAForm;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var options = catalog.CurrentValue;
        var (sections, refusal) = FormChoices.Choose(form["section"], options.Sections.Keys, "section");
        var knownDigests = FormChoices.Digests(options);
        var (digests, digestRefusal) = FormChoices.Choose(form["digest"], knownDigests, "digest");
        if ((refusal ?? digestRefusal) is { } refused)
        {
            return refused;
        }

        if (sections.Count == 0)
        {
            return Page("Your sections", "<p>Choose at least one section, or unsubscribe.</p>", StatusCodes.Status400BadRequest);
        }

        // Everything ticked is stored as "all": sections and digests added later reach this reader too. A form without
        // digest boxes (one digest only) leaves the digests as they are.
        IReadOnlyList<string>? digestChoice = digests.Count == 0 ? null : digests.Count == knownDigests.Count ? [] : digests;
        var all = sections.Count == options.Sections.Count;
        return await store.SetSectionsAsync(email, all ? [] : sections, digestChoice, cancellationToken)
            ? Page("Preferences saved", $"<p>From the next digest, <strong>{E(email)}</strong> receives: {E(string.Join(", ", sections))}.</p>")
            : Invalid();
    }

    private static async Task<IResult> UnsubscribeAsync(HttpRequest request, LinkSigner signer, SubscriberStore store, CancellationToken cancellationToken)
    {
        if (Signed(request, signer, LinkSigner.Unsubscribe) is not { } email)
        {
            return Invalid();
        }

        await store.SetStatusAsync(email, SubscriberStatus.Unsubscribed, cancellationToken);
        return Page("You are unsubscribed", $"<p>No more digests will be sent to <strong>{E(email)}</strong>.</p>");
    }

    private static string SubscribeForm(CatalogOptions catalog) =>
        PostForm("/subscribe", "Subscribe",
            "<label>Email <input type=\"email\" name=\"email\" required maxlength=\"254\"></label>" +
            "<label>Name (optional) <input type=\"text\" name=\"name\" maxlength=\"100\"></label><p>Sections:</p>" +
            SectionBoxes(catalog.Sections.Select(s => (s.Key, s.Value.Title, true))));

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Could not send the confirmation email to {Email}")]
    private static partial void LogConfirmationFailed(ILogger logger, string email, Exception exception);
}
