using DigestBot.Render.Pages;

namespace DigestBot.Web.Subscriptions;

/// <summary>The subscribe form (with <paramref name="Problem"/> above it when the last attempt was refused), or, once sent, where the confirmation went.</summary>
public sealed record SubscribePageModel(PreferenceFormModel? Form, string? Problem = null, string? SentTo = null)
    : PageModel(SentTo is null ? "Subscribe" : "Check your inbox");
