using RazorLight.Razor;

namespace DigestBot.Render.Templates;

/// <summary>
/// The templates as a RazorLight project, for its code generator. Like RazorLight's file-system project it has no
/// imports files; unlike it, it never watches the folder (changes are found by polling, see <see cref="TemplateReloader"/>).
/// </summary>
internal sealed class TemplateSourceProject(TemplateSources sources) : RazorLightProject
{
    public override Task<RazorLightProjectItem> GetItemAsync(string templateKey) =>
        Task.FromResult<RazorLightProjectItem>(new TemplateSourceItem(templateKey, sources.ContentOf(TemplateSources.Normalize(templateKey))));

    public override Task<IEnumerable<RazorLightProjectItem>> GetImportsAsync(string templateKey) => Task.FromResult(Enumerable.Empty<RazorLightProjectItem>());

    public override Task<IEnumerable<string>> GetKnownKeysAsync() => Task.FromResult(sources.Keys);
}
