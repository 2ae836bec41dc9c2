using DigestBot.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RazorLight;

namespace DigestBot.Render.Email;

/// <summary>
/// Renders the HTML and plain-text digest from the Razor templates. Templates are compiled once (see <see cref="CompileAsync"/>);
/// after that each render is a cached delegate call.
/// </summary>
public sealed class EmailRenderer
{
    public const string HtmlTemplate = "Digest.cshtml";
    public const string TextTemplate = "Digest.txt.cshtml";

    private readonly RazorLightEngine html;
    private readonly RazorLightEngine text;

    public EmailRenderer(IOptions<EmailOptions> options, IHostEnvironment environment)
    {
        var root = Path.GetFullPath(options.Value.TemplatesPath, environment.ContentRootPath);
        html = new RazorLightEngineBuilder().UseFileSystemProject(root).UseMemoryCachingProvider().Build();
        text = new RazorLightEngineBuilder().UseFileSystemProject(root).UseMemoryCachingProvider().DisableEncoding().Build();
    }

    /// <summary>Compiles every template; a template with an error throws here, at start-up, with Razor's message.</summary>
    public async Task CompileAsync()
    {
        await html.CompileTemplateAsync(HtmlTemplate);
        await text.CompileTemplateAsync(TextTemplate);
    }

    public async Task<RenderedEmail> RenderAsync(EmailModel model)
    {
        var body = await html.CompileRenderAsync(HtmlTemplate, model);
        var plain = await text.CompileRenderAsync(TextTemplate, model);
        return new RenderedEmail(SubjectLine.For(model.Digest), body, plain);
    }
}
