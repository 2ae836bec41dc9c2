using DigestBot.Render.Pages;

namespace DigestBot.Web;

/// <summary>A page that only says something: a refused link or form, a failure, a missing archive page.</summary>
/// <param name="Unknown">When set, the page names an id the configuration does not have instead of showing <paramref name="Text"/>.</param>
public sealed record MessagePageModel(string Title, string Text, UnknownChoice? Unknown = null) : PageModel(Title);
