using DigestBot.Render.Templates;

namespace DigestBot.Render.Email;

/// <summary>
/// Renders the HTML and plain-text emails from the Razor templates, as compiled and kept by <see cref="TemplateLibrary"/>
/// (loaded on the first render); each render is a call into the compiled template.
/// </summary>
public sealed class EmailRenderer(TemplateLibrary templates)
{
    public const string HtmlTemplate = "Digest.cshtml";
    public const string TextTemplate = "Digest.txt.cshtml";
    public const string ConfirmHtmlTemplate = "Confirm.cshtml";
    public const string ConfirmTextTemplate = "Confirm.txt.cshtml";
    public const string ArchiveIndexTemplate = "ArchiveIndex.cshtml";

    /// <summary>The templates the folder must hold for the emails (checked at start-up, before anything is compiled).</summary>
    public static readonly IReadOnlyList<string> RequiredTemplates = [HtmlTemplate, TextTemplate, ConfirmHtmlTemplate, ConfirmTextTemplate];

    // Made on the first email or page: it holds HtmlSanitizer and its AngleSharp parsers, which an idle worker and the
    // verbs that send nothing have no use for (about 900 methods to compile and 2 MB of assemblies).
    private readonly Lazy<EmailHtmlGuard> guard = new(() => new EmailHtmlGuard());

    /// <summary>The email as the templates produce it (no sanitizing, no inlining).</summary>
    public async Task<RenderedEmail> RenderAsync(EmailModel model)
    {
        var set = await templates.GetAsync();
        var body = await set.Html.CompileRenderAsync(HtmlTemplate, model);
        var plain = await set.Text.CompileRenderAsync(TextTemplate, model);
        return new RenderedEmail(SubjectLine.For(model.Digest, model.Sections), body, plain);
    }

    /// <summary>The email as it is sent: HTML checked by <see cref="EmailHtmlGuard"/>, then CSS inlined for clients that drop style blocks.</summary>
    public async Task<RenderedEmail> RenderForSendingAsync(EmailModel model) => ForSending(await RenderAsync(model));

    public async Task<RenderedEmail> RenderConfirmAsync(ConfirmModel model)
    {
        var set = await templates.GetAsync();
        var body = await set.Html.CompileRenderAsync(ConfirmHtmlTemplate, model);
        var plain = await set.Text.CompileRenderAsync(ConfirmTextTemplate, model);
        return ForSending(new RenderedEmail(HeaderText.Clean($"Confirm your subscription to {model.Title}"), body, plain));
    }

    /// <summary>An HTML template rendered as a web page: checked by <see cref="EmailHtmlGuard"/>, CSS left in its style block.</summary>
    public async Task<string> RenderPageAsync<TModel>(string template, TModel model) =>
        guard.Value.Clean(await (await templates.GetAsync()).Html.CompileRenderAsync(template, model));

    private RenderedEmail ForSending(RenderedEmail rendered)
    {
        var safe = guard.Value.Clean(rendered.Html);
        var inlined = PreMailer.Net.PreMailer.MoveCssInline(safe, removeStyleElements: false, stripIdAndClassAttributes: false).Html;
        return rendered with { Html = inlined };
    }
}
