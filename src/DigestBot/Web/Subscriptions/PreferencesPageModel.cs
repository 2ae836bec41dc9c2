using DigestBot.Render.Pages;

namespace DigestBot.Web.Subscriptions;

/// <summary>
/// The preferences form for <paramref name="Email"/> (digest boxes only when more than one digest sends email), or,
/// once saved, the sections the address receives (<paramref name="Saved"/>).
/// </summary>
public sealed record PreferencesPageModel(
    string Email,
    string? FormAction,
    IReadOnlyList<FormChoice> Sections,
    IReadOnlyList<FormChoice> Digests,
    string? UnsubscribeUrl,
    IReadOnlyList<string>? Saved = null)
    : PageModel(Saved is null ? "Your sections" : "Preferences saved");
