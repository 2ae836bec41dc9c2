using System.Diagnostics;
using System.Net;
using System.Reflection.PortableExecutable;
using DigestBot.Tests.Support;

namespace DigestBot.Tests.Publish;

/// <summary>
/// Builds the app the way the Dockerfile does (its own restore and publish lines), starts the published output like the
/// image's entry point, and checks /health with the image's HEALTHCHECK command.
/// </summary>
public sealed class PublishedAppTests
{
    private static readonly Dictionary<string, string> QuietDotnet = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "1",
    };

    [Fact]
    public async Task Publish_asTheDockerfileDoes_startsPassesItsHealthCheckAndPreviews()
    {
        var dockerfile = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepoRoot, "Dockerfile"));
        var work = Directory.CreateTempSubdirectory("digestbot-publish-").FullName;
        var output = Path.Combine(work, "publish");
        try
        {
            foreach (var run in DockerfileCommands.BuildStageDotnetRuns(dockerfile))
            {
                var arguments = run.Skip(1).Select(a => a == DockerfileCommands.ImageOutput ? output : a).ToList();
                var (exit, log) = await ChildProcess.RunAsync("dotnet", arguments, TestPaths.RepoRoot, QuietDotnet, TimeSpan.FromMinutes(6));
                Assert.True(exit == 0, $"dotnet {string.Join(' ', arguments)} failed ({exit}):\n{log}");
            }

            Assert.True(File.Exists(Path.Combine(output, "DigestBot.dll")), $"{Path.Combine("DigestBot.dll")} is missing from the publish output.");
            Assert.True(File.Exists(Path.Combine(output, "appsettings.json")), $"{Path.Combine("appsettings.json")} is missing from the publish output.");
            Assert.True(File.Exists(Path.Combine(output, "templates", "Digest.cshtml")), $"{Path.Combine("templates", "Digest.cshtml")} is missing from the publish output.");
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(output, "samples", "feeds"), "*.xml"));
            // Precompiled (ReadyToRun): the app and the libraries it runs on every start; the template compiler is left as IL.
            Assert.True(IsReadyToRun(Path.Combine(output, "DigestBot.dll")), "DigestBot.dll was published without ReadyToRun code.");
            Assert.True(IsReadyToRun(Path.Combine(output, "Quartz.dll")), "Quartz.dll was published without ReadyToRun code.");
            Assert.False(IsReadyToRun(Path.Combine(output, "Microsoft.CodeAnalysis.CSharp.dll")), "The template compiler was precompiled, doubling the publish.");

            using var reservation = PortReservation.Take();
            var port = reservation.Port;
            var environment = new Dictionary<string, string>(QuietDotnet)
            {
                ["Web__Urls"] = $"http://127.0.0.1:{port}",
                ["Storage__SqlitePath"] = Path.Combine(work, "data", "digestbot.db"),
            };
            using var worker = Process.Start(ChildProcess.StartInfo("dotnet", ["DigestBot.dll"], output, environment))!;
            var workerLog = new System.Text.StringBuilder();
            worker.OutputDataReceived += (_, e) => { lock (workerLog) { workerLog.AppendLine(e.Data); } };
            worker.ErrorDataReceived += (_, e) => { lock (workerLog) { workerLog.AppendLine(e.Data); } };
            worker.BeginOutputReadLine();
            worker.BeginErrorReadLine();
            try
            {
                await reservation.ReleaseWhenListeningAsync(TimeSpan.FromSeconds(40), () => worker.HasExited ? $"The published app exited:\n{workerLog}" : null);
                var health = await WaitForHealthAsync(port, worker, workerLog, TimeSpan.FromSeconds(40));
                Assert.Equal(HttpStatusCode.OK, health);

                var check = DockerfileCommands.HealthCheck(dockerfile);
                var (exit, log) = await ChildProcess.RunAsync(check[0], check[1..], output, environment, TimeSpan.FromSeconds(30));
                Assert.True(exit == 0, $"HEALTHCHECK {string.Join(' ', check)} failed ({exit}):\n{log}");
                Assert.Contains("200 Healthy", log, StringComparison.Ordinal);
            }
            finally
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync();
            }

            // What a newcomer does first: preview the bundled sample digest, email and Discord bodies, from the published app.
            var previewEnvironment = new Dictionary<string, string>(environment) { ["Storage__SqlitePath"] = Path.Combine(work, "preview", "digestbot.db") };
            var html = Path.Combine(work, "preview.html");
            var (previewExit, previewLog) = await ChildProcess.RunAsync("dotnet", ["DigestBot.dll", "preview", "daily", "--out", html], output, previewEnvironment, TimeSpan.FromSeconds(60));
            Assert.True(previewExit == 0, $"preview failed ({previewExit}):\n{previewLog}");
            Assert.Contains("DigestBot Daily", await File.ReadAllTextAsync(html), StringComparison.Ordinal);
            Assert.Contains("\"embeds\"", await File.ReadAllTextAsync(Path.Combine(work, "preview.discord-community.json")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>A ReadyToRun image carries a managed native header (its precompiled code); an IL-only one does not.</summary>
    private static bool IsReadyToRun(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    private static async Task<HttpStatusCode> WaitForHealthAsync(int port, Process worker, System.Text.StringBuilder log, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Assert.False(worker.HasExited, $"The published app exited:\n{log}");
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));
                return response.StatusCode;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
