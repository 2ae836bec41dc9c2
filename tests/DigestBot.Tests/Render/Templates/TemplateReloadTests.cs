using DigestBot.Hosting;
using DigestBot.Render.Pages;
using DigestBot.Tests.Support;
using DigestBot.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Render.Templates;

/// <summary>The running worker puts edited templates in force, and keeps the last good ones when an edit does not compile.</summary>
public sealed class TemplateReloadTests
{
    // Compiling runs Roslyn, which takes tens of seconds on a loaded 2-core machine.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Reload_templateEdited_workerRendersTheNewTemplate()
    {
        await using var worker = await StartWorkerAsync();

        await File.AppendAllTextAsync(worker.Message, "\n<p>edited while running</p>\n");

        await Poll.UntilAsync(async () => (await worker.RenderAsync()).Contains("edited while running", StringComparison.Ordinal), Limit,
            "the edited template to be rendered", worker.Log);
        Assert.Contains(worker.Logs.Entries, e => e.EventId.Id == 7006);
    }

    [Fact]
    public async Task Reload_editDoesNotCompile_previousTemplateStaysAndErrorIsLogged()
    {
        await using var worker = await StartWorkerAsync();
        var before = await worker.RenderAsync();

        await File.AppendAllTextAsync(worker.Message, "\n<p>broken edit</p>@Model.NoSuchProperty\n");
        var rejected = await worker.Logs.WaitForAsync(e => e.EventId.Id == 7007, Limit);

        Assert.Equal(LogLevel.Error, rejected.Level);
        Assert.Contains("Page template pages/Message.cshtml does not compile", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("NoSuchProperty", rejected.Message, StringComparison.Ordinal);
        Assert.Equal(before, await worker.RenderAsync());

        // Fixed: the next edit is put in force again.
        await File.WriteAllTextAsync(worker.Message, (await File.ReadAllTextAsync(worker.Message)).Replace("@Model.NoSuchProperty", "@Model.Title", StringComparison.Ordinal));
        await Poll.UntilAsync(async () => (await worker.RenderAsync()).Contains("broken edit", StringComparison.Ordinal), Limit,
            "the fixed template to be rendered", worker.Log);
    }

    [Fact]
    public async Task Reload_editDoesNotCompileBeforeAnythingRendered_firstRenderUsesTheTemplatesOfStartUp()
    {
        await using var worker = await StartWorkerAsync(unique: true);

        await File.AppendAllTextAsync(worker.Message, "\n<p>broken edit</p>@Model.NoSuchProperty\n");
        var rejected = await worker.Logs.WaitForAsync(e => e.EventId.Id == 7007, Limit);
        var page = await worker.RenderAsync();

        Assert.Contains("NoSuchProperty", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("Text of the note", page, StringComparison.Ordinal);
        Assert.DoesNotContain("broken edit", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_templateEditedBeforeAnythingRendered_firstRenderUsesTheEdit()
    {
        await using var worker = await StartWorkerAsync(unique: true);

        await File.AppendAllTextAsync(worker.Message, "\n<p>edited before the first render</p>\n");
        await worker.Logs.WaitForAsync(e => e.EventId.Id == 7006, Limit);

        Assert.Contains("edited before the first render", await worker.RenderAsync(), StringComparison.Ordinal);
    }

    /// <param name="unique">Templates no other test in the process loaded, so the worker compiles them at start-up and
    /// holds them unloaded until the first render (identical templates are shared between hosts once loaded).</param>
    private static async Task<Worker> StartWorkerAsync(bool unique = false)
    {
        var templates = Path.Combine(Path.GetTempPath(), "digestbot-reload-" + Guid.NewGuid().ToString("N"));
        TestPaths.CopyTemplates(templates);
        if (unique)
        {
            await File.AppendAllTextAsync(Path.Combine(templates, "pages", "Message.cshtml"), $"\n@* {Guid.NewGuid():N} *@\n");
        }

        var logs = new CapturingLoggerProvider();
        var app = TestApp.Create(c =>
        {
            c["Email"]!["TemplatesPath"] = templates;
            c["Logging"]!["LogLevel"]!.AsObject()["DigestBot.Render.Templates"] = "Information";
        });
        await app.StartAsync(HostMode.Worker, b => b.Services.AddSingleton<ILoggerProvider>(logs));
        return new Worker(app, templates, logs);
    }

    private sealed class Worker(TestApp app, string templates, CapturingLoggerProvider logs) : IAsyncDisposable
    {
        public CapturingLoggerProvider Logs => logs;

        public string Message => Path.Combine(templates, "pages", "Message.cshtml");

        public Task<string> RenderAsync() => app.Get<PageRenderer>().RenderAsync(PageRenderer.Message, new MessagePageModel("Note", "Text of the note"));

        public string Log() => string.Join("\n", logs.Entries.Select(e => $"{e.Level} {e.EventId.Id} {e.Message}"));

        public async ValueTask DisposeAsync()
        {
            await app.DisposeAsync();
            Directory.Delete(templates, recursive: true);
        }
    }
}
