using DigestBot.Render.Templates;

namespace DigestBot.Tests.Render.Templates;

public sealed class TemplateReferencesTests
{
    [Fact]
    public void Load_fromTheCompilationContext_holdsEachAssemblyOnce()
    {
        var paths = TemplateReferences.Load().Select(r => r.Display!).ToList();

        // What the templates use: the framework, the app's model and the template base types.
        Assert.Contains(paths, p => Path.GetFileName(p) == "System.Runtime.dll");
        Assert.Contains(paths, p => Path.GetFileName(p) == "DigestBot.dll");
        Assert.Contains(paths, p => Path.GetFileName(p) == "RazorLight.dll");
        Assert.Equal(paths.Count, paths.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
