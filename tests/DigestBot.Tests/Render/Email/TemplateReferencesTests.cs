using DigestBot.Render.Email;

namespace DigestBot.Tests.Render.Email;

public sealed class TemplateReferencesTests
{
    [Fact]
    public void References_fromTheCompilationContext_holdEachAssemblyOnce()
    {
        var paths = TemplateReferences.References.Select(r => r.Display!).ToList();

        // What the templates use: the framework, the app's model and the template base types.
        Assert.Contains(paths, p => Path.GetFileName(p) == "System.Runtime.dll");
        Assert.Contains(paths, p => Path.GetFileName(p) == "DigestBot.dll");
        Assert.Contains(paths, p => Path.GetFileName(p) == "RazorLight.dll");
        Assert.Equal(paths.Count, paths.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task CompileRenderAsync_twoEnginesOnTheSharedReferences_bothCompile()
    {
        var templates = Path.Combine(Path.GetTempPath(), "digestbot-shared-refs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(templates);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(templates, "T.cshtml"), "@model DigestBot.Model.Subscriber\n<b>@Model.Email</b> @System.Linq.Enumerable.Count(Model.Sections)");
            var html = new RazorLight.RazorLightEngineBuilder().UseFileSystemProject(templates).UseMemoryCachingProvider().UseSharedReferences().Build();
            var text = new RazorLight.RazorLightEngineBuilder().UseFileSystemProject(templates).UseMemoryCachingProvider().UseSharedReferences().DisableEncoding().Build();
            var model = new DigestBot.Model.Subscriber("a&b@example.org", null, ["x", "y"], [], DigestBot.Model.SubscriberStatus.Active);

            Assert.Equal("<b>a&amp;b@example.org</b> 2", await html.CompileRenderAsync("T.cshtml", model));
            Assert.Equal("<b>a&b@example.org</b> 2", await text.CompileRenderAsync("T.cshtml", model));
        }
        finally
        {
            Directory.Delete(templates, recursive: true);
        }
    }
}
