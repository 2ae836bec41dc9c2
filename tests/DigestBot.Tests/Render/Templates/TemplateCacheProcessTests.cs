using DigestBot.Render.Templates;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Render.Templates;

/// <summary>
/// The real program, run as its own process on a fresh clone, reporting the assemblies it loaded (the diagnostic
/// DIGESTBOT_REPORT_ASSEMBLIES): templates are compiled once, later processes load them without Roslyn, and verbs that
/// render nothing load no template engine at all.
/// </summary>
public sealed class TemplateCacheProcessTests
{
    private const string Roslyn = "Microsoft.CodeAnalysis";
    private const string RazorLight = "RazorLight";

    [Theory]
    [InlineData("ingest", "--source", "samples/feeds/space-news.xml")]
    [InlineData("explain", "daily")]
    [InlineData("subscribers", "list")]
    [InlineData("discord-status")]
    [InlineData("health", "--url", "http://127.0.0.1:9/health")]
    public async Task Verb_rendersNothing_loadsNeitherRoslynNorRazorLight(params string[] verb)
    {
        using var clone = FreshClone.Create();

        var run = await RunAsync(clone, verb);

        Assert.True(run.ExitCode == (verb[0] == "health" ? 1 : 0), run.Output);
        Assert.DoesNotContain(run.Loaded, a => a.StartsWith(Roslyn, StringComparison.Ordinal) || a == RazorLight);
        Assert.False(Directory.Exists(CacheFolder(clone)), "nothing was compiled, so nothing is cached");
        // The store is SQLite, telemetry is off, DKIM is off.
        Assert.Empty(run.Loaded.Intersect(["Npgsql", "OpenTelemetry", "Microsoft.AspNetCore.Mvc.Core", "BouncyCastle.Cryptography"]));
    }

    [Theory]
    [InlineData("subscribers", "list")]
    [InlineData("discord-status")]
    public async Task Verb_sanitizesNothing_loadsNoHtmlSanitizer(params string[] verb)
    {
        using var clone = FreshClone.Create();

        var run = await RunAsync(clone, verb);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Empty(run.Loaded.Intersect(["HtmlSanitizer", "AngleSharp", "AngleSharp.Css", "PreMailer.Net"]));
    }

    [Theory]
    [InlineData("ingest", "--source", "samples/feeds/space-news.xml")]
    [InlineData("validate")]
    public async Task Verb_opensNoPort_loadsNoWebServerNorRouting(params string[] verb)
    {
        using var clone = FreshClone.Create();

        var run = await RunAsync(clone, verb);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.DoesNotContain(run.Loaded, a => a.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal));
        Assert.DoesNotContain("Microsoft.AspNetCore.Routing", run.Loaded);
        Assert.DoesNotContain("Microsoft.AspNetCore.Hosting", run.Loaded);
    }

    [Fact]
    public async Task Ingest_storesNothing_opensNoStoreAndLoadsNoSqlite()
    {
        using var clone = FreshClone.Create();

        var run = await RunAsync(clone, "ingest", "--source", "samples/feeds/space-news.xml");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Format:   rss20", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.Data.Sqlite", run.Loaded);
        Assert.False(Directory.Exists(Path.Combine(clone.Root, "data")), "no database file, no data folder");
    }

    [Fact]
    public async Task Verbs_templatesCompiledOnce_laterProcessesLoadThemWithoutRoslyn()
    {
        using var clone = FreshClone.Create();

        var cold = await RunAsync(clone, "validate");
        Assert.True(cold.ExitCode == 0, cold.Output);
        Assert.Contains(Roslyn, cold.Loaded);
        var cached = Assert.Single(Directory.GetFiles(CacheFolder(clone)));

        var warm = await RunAsync(clone, "validate");
        Assert.True(warm.ExitCode == 0, warm.Output);
        Assert.Contains("(unchanged since they were last compiled)", warm.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(warm.Loaded, a => a.StartsWith(Roslyn, StringComparison.Ordinal) || a == RazorLight);
        // The templates' key is computed without reading the application's attributes, which would load MVC.
        Assert.DoesNotContain("Microsoft.AspNetCore.Mvc.Core", warm.Loaded);

        var send = await RunAsync(clone, "send-now", "daily");
        Assert.True(send.ExitCode == 0, send.Output);
        Assert.Contains("email: 2 emails sent, 0 failed", send.Output, StringComparison.Ordinal);
        Assert.Contains(RazorLight, send.Loaded);
        Assert.DoesNotContain(send.Loaded, a => a.StartsWith(Roslyn, StringComparison.Ordinal));

        // validate is for checking edits: a changed template is compiled.
        await File.AppendAllTextAsync(Path.Combine(clone.Root, "templates", "Digest.txt.cshtml"), "\nEdited footer line\n");
        var edited = await RunAsync(clone, "validate");
        Assert.True(edited.ExitCode == 0, edited.Output);
        Assert.DoesNotContain("unchanged", edited.Output, StringComparison.Ordinal);
        Assert.Contains(Roslyn, edited.Loaded);
        Assert.Equal(2, Directory.GetFiles(CacheFolder(clone)).Length);
        Assert.True(File.Exists(cached), "the compiled copy of the templates before the edit is kept");
    }

    [Fact]
    public async Task SendNow_compiledCopyDamaged_warnsCompilesAgainAndRepairsIt()
    {
        using var clone = FreshClone.Create();
        Assert.Equal(0, (await RunAsync(clone, "validate")).ExitCode);
        var cached = Assert.Single(Directory.GetFiles(CacheFolder(clone)));
        var bytes = await File.ReadAllBytesAsync(cached);
        await File.WriteAllBytesAsync(cached, bytes[..(bytes.Length / 2)]);

        var send = await RunAsync(clone, "send-now", "daily");

        Assert.True(send.ExitCode == 0, send.Output);
        Assert.Contains("[7005]", send.Output, StringComparison.Ordinal);
        Assert.Contains("it is damaged", send.Output, StringComparison.Ordinal);
        Assert.Contains(Roslyn, send.Loaded);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(cached));
    }

    [Fact]
    public async Task Validate_twoProcessesCompilingAtOnce_bothSucceedAndLeaveOneIntactCopy()
    {
        using var clone = FreshClone.Create();

        var runs = await Task.WhenAll(RunAsync(clone, "validate"), RunAsync(clone, "validate"));

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Output));
        var cached = Assert.Single(Directory.GetFiles(CacheFolder(clone)));
        var key = Path.GetFileNameWithoutExtension(cached)["templates-".Length..];
        Assert.Null(TemplateCacheFile.Decode(await File.ReadAllBytesAsync(cached), key).Problem);
        var after = await RunAsync(clone, "send-now", "daily");
        Assert.True(after.ExitCode == 0, after.Output);
        Assert.DoesNotContain(after.Loaded, a => a.StartsWith(Roslyn, StringComparison.Ordinal));
    }

    private static string CacheFolder(FreshClone clone) => Path.Combine(clone.Root, "data", "template-cache");

    private static async Task<Run> RunAsync(FreshClone clone, params string[] arguments)
    {
        var report = Path.Combine(clone.Root, $"assemblies-{Guid.NewGuid():N}.txt");
        var (exit, output) = await ChildProcess.RunAsync("dotnet", [WorkerProcess.Executable, .. arguments], clone.Root,
            new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production", ["DIGESTBOT_REPORT_ASSEMBLIES"] = report },
            TimeSpan.FromMinutes(5));
        Assert.True(File.Exists(report), $"{string.Join(' ', arguments)} wrote no assembly report (exit {exit}):\n{output}");
        var loaded = (await File.ReadAllLinesAsync(report)).ToHashSet(StringComparer.Ordinal);
        File.Delete(report);
        return new Run(exit, output, loaded);
    }

    private sealed record Run(int ExitCode, string Output, IReadOnlySet<string> Loaded);
}
