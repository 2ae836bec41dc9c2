using RazorLight;
using RazorLight.Compilation;

namespace DigestBot.Render.Templates;

/// <summary>
/// The compiler RazorLight calls for a template missing from <see cref="PrecompiledTemplates"/>: every template in the
/// folder is already compiled, so the name is not a template of the folder.
/// </summary>
internal sealed class PrecompiledOnlyCompiler(string root) : IRazorTemplateCompiler
{
    public ICompilationService CompilationService => throw new NotSupportedException("Templates are compiled ahead of rendering.");

    public Task<CompiledTemplateDescriptor> CompileAsync(string templateKey) =>
        throw new TemplateNotFoundException($"There is no template {templateKey.TrimStart('/')} in the templates folder {root}.");
}
