using DigestBot.Options;
using DigestBot.Render.Email;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RazorLight;
using RazorLight.Compilation;

namespace DigestBot.Render.Pages;

/// <summary>
/// The web pages (status, subscribe, confirm, preferences, unsubscribe and short messages) from the Razor templates under
/// <c>templates/pages</c>, through the same engine as the emails. Model text is HTML-encoded by Razor. Unlike archive pages
/// the result is not run through <see cref="EmailHtmlGuard"/>: these pages carry forms, and the status page a script,
/// which the guard exists to remove.
/// </summary>
public sealed class PageRenderer
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

    public static readonly IReadOnlyList<string> Templates = [Layout, Status, Subscribe, Confirm, Preferences, Unsubscribe, Message, Time];

    private readonly RazorLightEngine engine;
    private readonly string root;

    public PageRenderer(IOptions<EmailOptions> options, IHostEnvironment environment)
    {
        root = Path.GetFullPath(options.Value.TemplatesPath, environment.ContentRootPath);
        engine = TemplateEngines.For(root).Html;
    }

    /// <summary>
    /// Compiles every page template and the layout (which a page only loads when it is first rendered); a missing or broken
    /// template throws here, at start-up, naming the file.
    /// </summary>
    public Task CompileAsync()
    {
        TemplateFolder.Check(root, Templates);
        return Task.WhenAll(Templates.Select(CompileAsync));
    }

    public Task<string> RenderAsync(string template, PageModel model) => engine.CompileRenderAsync<object>(template, model);

    private async Task CompileAsync(string template)
    {
        try
        {
            await engine.CompileTemplateAsync(template);
        }
        catch (TemplateCompilationException ex)
        {
            throw new TemplateCompilationException(
                $"Page template {template} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, ex.CompilationErrors)}",
                ex.CompilationDiagnostics);
        }
    }
}
