using DigestBot.Cli;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Cli;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task RunAsync_validSettings_exitsZeroAndCompilesTemplates()
    {
        await using var app = TestApp.Create(c => c["Discord"]!["Destinations"]!["ops"] = new System.Text.Json.Nodes.JsonObject());
        var (exit, output, error) = await RunAsync(app);

        Assert.Equal(0, exit);
        Assert.Contains("Configuration is valid: 1 digest, 1 section, 0 sources.", output, StringComparison.Ordinal);
        Assert.Contains("warning: Discord:Destinations:ops: no WebhookUrl", output, StringComparison.Ordinal);
        Assert.Contains("Templates compiled", output, StringComparison.Ordinal);
        Assert.Equal("", error);
        // The compiled templates may be saved under data/; the database is not created.
        Assert.False(File.Exists(Path.Combine(app.Root, "data", "digestbot.db")), "validate must not create the database");
    }

    [Fact]
    public async Task RunAsync_badCronAndUnknownSection_exitsTwoNamingEachKey()
    {
        await using var app = TestApp.Create(c =>
        {
            c["Digests"]!["daily"]!["Cron"] = "7am";
            c["Digests"]!["daily"]!["Sections"] = new System.Text.Json.Nodes.JsonArray("space", "sport");
        });
        var (exit, _, error) = await RunAsync(app);

        Assert.Equal(ValidateCommand.ConfigurationInvalid, exit);
        Assert.Contains("Digests:daily:Cron: '7am' is not a valid Quartz cron expression", error, StringComparison.Ordinal);
        Assert.Contains("Digests:daily:Sections: 'sport' is not a section id", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_templateWithError_exitsThreeWithRazorMessage()
    {
        await using var app = TestApp.Create();
        var templates = Path.Combine(app.Root, "templates");
        TestPaths.CopyTemplates(templates);

        await File.AppendAllTextAsync(Path.Combine(templates, "Digest.cshtml"), "\n@{ var broken = Model.NoSuchProperty; }\n");
        app.Config["Email"]!["TemplatesPath"] = templates;
        app.WriteConfig();

        var (exit, _, error) = await RunAsync(app);

        Assert.Equal(ValidateCommand.TemplatesInvalid, exit);
        Assert.Contains("Templates do not compile", error, StringComparison.Ordinal);
        Assert.Contains("NoSuchProperty", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_pageTemplateMissing_exitsThreeNamingIt()
    {
        await using var app = TestApp.Create();
        var templates = Path.Combine(app.Root, "templates");
        TestPaths.CopyTemplates(templates);
        File.Delete(Path.Combine(templates, "pages", "Preferences.cshtml"));
        app.Config["Email"]!["TemplatesPath"] = templates;
        app.WriteConfig();

        var (exit, _, error) = await RunAsync(app);

        Assert.Equal(ValidateCommand.TemplatesInvalid, exit);
        Assert.Contains($"Templates are missing: Email:TemplatesPath: the templates folder {templates} has no pages/Preferences.cshtml.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_pageTemplateWithError_exitsThreeNamingItWithRazorMessage()
    {
        await using var app = TestApp.Create();
        var templates = Path.Combine(app.Root, "templates");
        TestPaths.CopyTemplates(templates);
        await File.AppendAllTextAsync(Path.Combine(templates, "pages", "Status.cshtml"), "\n@Model.Report.NoSuchProperty\n");
        app.Config["Email"]!["TemplatesPath"] = templates;
        app.WriteConfig();

        var (exit, _, error) = await RunAsync(app);

        Assert.Equal(ValidateCommand.TemplatesInvalid, exit);
        Assert.Contains("Page template pages/Status.cshtml does not compile", error, StringComparison.Ordinal);
        Assert.Contains("NoSuchProperty", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(TestApp app)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ValidateCommand.RunAsync(new FileInfo(Path.Combine(app.Root, "appsettings.json")), output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
