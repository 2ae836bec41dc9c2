using System.Text.RegularExpressions;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Hosting;

/// <summary>
/// The real worker, run as its own process on a fresh clone whose templates are already compiled, reporting the
/// assemblies it loaded (DIGESTBOT_REPORT_ASSEMBLIES): an idle worker loads neither the template engine nor the HTML
/// sanitizer, nor anything the configuration leaves unused (PostgreSQL, telemetry, HTTP/3, IIS); the first page
/// request loads the templates and renders.
/// </summary>
public sealed partial class IdleWorkerProcessTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    // Loaded on first use only: rendering (RazorLight and the compiled templates), sanitizing email HTML (HtmlSanitizer
    // and AngleSharp), the PostgreSQL store, the telemetry SDK, and what the slim web host leaves out.
    private static readonly string[] NotAtIdle =
    [
        "RazorLight", "Microsoft.AspNetCore.Razor.Runtime", "HtmlSanitizer", "AngleSharp", "AngleSharp.Css", "PreMailer.Net", "Npgsql",
        "OpenTelemetry", "System.Net.Quic", "Microsoft.AspNetCore.Server.Kestrel.Transport.Quic", "Microsoft.AspNetCore.Server.IIS",
        "Microsoft.AspNetCore.Mvc.Core", "BouncyCastle.Cryptography",
    ];

    [Fact]
    public async Task Run_idle_loadsNoTemplateEngineSanitizerOrUnusedStore()
    {
        using var clone = await CompiledCloneAsync();

        var idle = await RunWorkerAsync(clone, request: null);

        Assert.Empty(idle.Loaded.Intersect(NotAtIdle));
        Assert.Contains("Quartz", idle.Loaded);
        Assert.DoesNotContain(idle.Loaded, a => a.StartsWith("DigestBotTemplates_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_firstPageRequest_loadsTheCompiledTemplatesAndRenders()
    {
        using var clone = await CompiledCloneAsync();

        var served = await RunWorkerAsync(clone, request: "/subscribe");

        Assert.Contains("<form", served.Body, StringComparison.Ordinal);
        Assert.Contains("RazorLight", served.Loaded);
        Assert.Contains(served.Loaded, a => a.StartsWith("DigestBotTemplates_", StringComparison.Ordinal));
        Assert.DoesNotContain(served.Loaded, a => a.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.Contains("[7000]", served.Output, StringComparison.Ordinal);
    }

    private static async Task<FreshClone> CompiledCloneAsync()
    {
        var clone = FreshClone.Create();
        var (exit, output) = await ChildProcess.RunAsync("dotnet", [WorkerProcess.Executable, "validate"], clone.Root,
            new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" }, TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, output);
        return clone;
    }

    /// <summary>Starts the worker, requests <paramref name="request"/> if given, stops it with SIGTERM and reads its report.</summary>
    private static async Task<Run> RunWorkerAsync(FreshClone clone, string? request)
    {
        var report = Path.Combine(clone.Root, $"assemblies-{Guid.NewGuid():N}.txt");
        var environment = new Dictionary<string, string>
        {
            ["DIGESTBOT_REPORT_ASSEMBLIES"] = report,
            ["Web__Urls"] = "http://127.0.0.1:0",
        };
        await using var worker = WorkerProcess.Start(clone.Root, environment, "run");
        await worker.WaitForOutputAsync("Application started", Limit);
        var body = "";
        if (request is not null)
        {
            var address = ListeningOn().Match(worker.Output);
            Assert.True(address.Success, worker.Output);
            using var http = new HttpClient { BaseAddress = new Uri(address.Groups[1].Value) };
            using var response = await http.GetAsync(new Uri(request, UriKind.Relative));
            body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        }

        Assert.Equal(0, await worker.TerminateAsync(Limit));
        Assert.True(File.Exists(report), $"the worker wrote no assembly report:\n{worker.Output}");
        var loaded = (await File.ReadAllLinesAsync(report)).ToHashSet(StringComparer.Ordinal);
        return new Run(loaded, body, worker.Output);
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();

    private sealed record Run(IReadOnlySet<string> Loaded, string Body, string Output);
}
