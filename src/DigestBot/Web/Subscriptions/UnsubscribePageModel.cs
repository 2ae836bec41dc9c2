using DigestBot.Render.Pages;

namespace DigestBot.Web.Subscriptions;

/// <summary>The unsubscribe link's page: a button that posts back to <paramref name="FormAction"/>, or, once done, the address that was removed.</summary>
public sealed record UnsubscribePageModel(string Email, string? FormAction) : PageModel(FormAction is null ? "You are unsubscribed" : "Unsubscribe");
