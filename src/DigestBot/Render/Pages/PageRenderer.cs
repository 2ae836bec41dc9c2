using DigestBot.Render.Email;
using DigestBot.Render.Templates;

namespace DigestBot.Render.Pages;

/// <summary>
/// The web pages (status, subscribe, confirm, preferences, unsubscribe and short messages) from the Razor templates under
/// <c>templates/pages</c>, through the same engine as the emails. Model text is HTML-encoded by Razor. Unlike archive pages
/// the result is not run through <see cref="EmailHtmlGuard"/>: these pages carry forms, and the status page a script,
/// which the guard exists to remove.
/// </summary>
public sealed class PageRenderer(TemplateLibrary templates)
{
    public const string Layout = "pages/_Layout.cshtml";
    public const string Status = "pages/Status.cshtml";
    public const string Subscribe = "pages/Subscribe.cshtml";
    public const string Confirm = "pages/Confirm.cshtml";
    public const string Preferences = "pages/Preferences.cshtml";
    public const string Unsubscribe = "pages/Unsubscribe.cshtml";
    public const string Message = "pages/Message.cshtml";

    /// <summary>A partial of the status page: one time, or a dash when there is none.</summary>
    public const string Time = "pages/_Time.cshtml";

    /// <summary>A partial of the subscribe and preferences pages: the preference centre's fields.</summary>
    public const string PreferenceFields = "pages/_PreferenceFields.cshtml";

    public static readonly IReadOnlyList<string> Templates = [Layout, Status, Subscribe, Confirm, Preferences, Unsubscribe, Message, Time, PreferenceFields];

    public async Task<string> RenderAsync(string template, PageModel model) => await (await templates.GetAsync()).Html.CompileRenderAsync<object>(template, model);
}
