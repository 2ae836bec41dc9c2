using DigestBot.Hosting;
using DigestBot.Render.Email;
using DigestBot.Render.Pages;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Render.Pages;

public sealed class PageTemplateStartupTests
{
    [Fact]
    public async Task StartAsync_pageTemplateMissing_workerDoesNotStartAndNamesIt()
    {
        var templates = Path.Combine(Path.GetTempPath(), "digestbot-templates-" + Guid.NewGuid().ToString("N"));
        TestPaths.CopyTemplates(templates);
        File.Delete(Path.Combine(templates, "pages", "_Layout.cshtml"));
        await using var app = TestApp.Create(c => c["Email"]!["TemplatesPath"] = templates);
        try
        {
            var error = await Assert.ThrowsAsync<TemplateFolderException>(() => app.StartAsync(HostMode.Worker));

            Assert.Equal($"Email:TemplatesPath: the templates folder {templates} has no {PageRenderer.Layout}.", error.Message);
        }
        finally
        {
            Directory.Delete(templates, recursive: true);
        }
    }

    [Fact]
    public void Templates_everyPageTemplate_isInTheRepository()
    {
        var onDisk = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "templates", "pages"), "*.cshtml")
            .Select(f => "pages/" + Path.GetFileName(f))
            .Order(StringComparer.Ordinal);

        Assert.Equal(onDisk, PageRenderer.Templates.Order(StringComparer.Ordinal));
    }
}
