using DigestBot.Render.Pages;

namespace DigestBot.Web.Subscriptions;

/// <summary>The confirm link's page: a button that posts back to <paramref name="FormAction"/>, or, once confirmed, the address and a link to its preferences.</summary>
public sealed record ConfirmPageModel(string? FormAction, string? Email = null, string? PreferencesUrl = null)
    : PageModel(FormAction is null ? "You are subscribed" : "Confirm your subscription");
