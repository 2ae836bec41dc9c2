using DigestBot.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RazorLight;

namespace DigestBot.Render.Email;

/// <summary>
/// Renders the HTML and plain-text emails from the Razor templates. Templates are compiled once (see <see cref="CompileAsync"/>);
/// after that each render is a cached delegate call.
/// </summary>
public sealed class EmailRenderer
{
    public const string HtmlTemplate = "Digest.cshtml";
    public const string TextTemplate = "Digest.txt.cshtml";
    public const string ConfirmHtmlTemplate = "Confirm.cshtml";
    public const string ConfirmTextTemplate = "Confirm.txt.cshtml";
    public const string ArchiveIndexTemplate = "ArchiveIndex.cshtml";

    private readonly RazorLightEngine html;
    private readonly RazorLightEngine text;
    private readonly EmailHtmlGuard guard = new();

    public EmailRenderer(IOptions<EmailOptions> options, IHostEnvironment environment)
    {
        var root = Path.GetFullPath(options.Value.TemplatesPath, environment.ContentRootPath);
        TemplateFolder.Check(root, [HtmlTemplate, TextTemplate, ConfirmHtmlTemplate, ConfirmTextTemplate]);
        (html, text) = TemplateEngines.For(root);
    }

    /// <summary>Compiles every template; a template with an error throws here, at start-up, naming the file and Razor's errors.</summary>
    public async Task CompileAsync()
    {
        await Task.WhenAll(
            CompileAsync(html, HtmlTemplate), CompileAsync(text, TextTemplate),
            CompileAsync(html, ConfirmHtmlTemplate), CompileAsync(text, ConfirmTextTemplate), CompileAsync(html, ArchiveIndexTemplate));
    }

    private static async Task CompileAsync(RazorLightEngine engine, string template)
    {
        try
        {
            await engine.CompileTemplateAsync(template);
        }
        catch (RazorLight.Compilation.TemplateCompilationException ex)
        {
            // Same exception type (callers report RazorLight errors), with the template's name added to the message.
            throw new RazorLight.Compilation.TemplateCompilationException(
                $"Email template {template} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, ex.CompilationErrors)}",
                ex.CompilationDiagnostics);
        }
    }

    /// <summary>The email as the templates produce it (no sanitizing, no inlining).</summary>
    public async Task<RenderedEmail> RenderAsync(EmailModel model)
    {
        var body = await html.CompileRenderAsync(HtmlTemplate, model);
        var plain = await text.CompileRenderAsync(TextTemplate, model);
        return new RenderedEmail(SubjectLine.For(model.Digest), body, plain);
    }

    /// <summary>The email as it is sent: HTML checked by <see cref="EmailHtmlGuard"/>, then CSS inlined for clients that drop style blocks.</summary>
    public async Task<RenderedEmail> RenderForSendingAsync(EmailModel model) => ForSending(await RenderAsync(model));

    public async Task<RenderedEmail> RenderConfirmAsync(ConfirmModel model)
    {
        var body = await html.CompileRenderAsync(ConfirmHtmlTemplate, model);
        var plain = await text.CompileRenderAsync(ConfirmTextTemplate, model);
        return ForSending(new RenderedEmail(HeaderText.Clean($"Confirm your subscription to {model.Title}"), body, plain));
    }

    /// <summary>An HTML template rendered as a web page: checked by <see cref="EmailHtmlGuard"/>, CSS left in its style block.</summary>
    public async Task<string> RenderPageAsync<TModel>(string template, TModel model) => guard.Clean(await html.CompileRenderAsync(template, model));

    private RenderedEmail ForSending(RenderedEmail rendered)
    {
        var safe = guard.Clean(rendered.Html);
        var inlined = PreMailer.Net.PreMailer.MoveCssInline(safe, removeStyleElements: false, stripIdAndClassAttributes: false).Html;
        return rendered with { Html = inlined };
    }
}
