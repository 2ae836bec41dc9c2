using DigestBot.Hosting;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Render.Email;

public sealed class TemplateCompilationTests
{
    [Fact]
    public async Task StartAsync_templateDoesNotCompile_startUpFailsWithTheRazorError()
    {
        var templates = Path.Combine(Path.GetTempPath(), "digestbot-templates-" + Guid.NewGuid().ToString("N"));
        TestPaths.CopyTemplates(templates);

        File.AppendAllText(Path.Combine(templates, "Digest.cshtml"), "\n@Model.NoSuchProperty\n");
        await using var app = TestApp.Create(c => c["Email"]!["TemplatesPath"] = templates);
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync(HostMode.Worker));

            Assert.Contains("NoSuchProperty", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("Digest.cshtml", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(templates, recursive: true);
        }
    }
}
