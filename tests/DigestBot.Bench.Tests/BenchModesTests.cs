using DigestBot.Bench;
using DigestBot.Bench.Micro;
using DigestBot.Bench.Support;

namespace DigestBot.Bench.Tests;

/// <summary>Each benchmark mode starts and prints its figures (tiny sizes; the real runs are bench/run-e2e.sh).</summary>
[Trait("Category", "Bench")]
public sealed class BenchModesTests
{
    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await BenchProgram.RunAsync(args, output);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task RunAsync_unknownMode_listsModesAndFails()
    {
        var (exit, output) = await RunAsync("no-such-mode");

        Assert.Equal(2, exit);
        foreach (var mode in new[] { "fanout", "memory", "render", "ingest", "discord", "micro", "process", "startup" })
        {
            Assert.Contains(mode, output);
        }
    }

    [SkippableFact]
    public async Task FanOut_tinyRun_sendsEveryMessageAndPrintsRatio()
    {
        Skip.IfNot(File.Exists(SmtpSinkProcess.Binary) && File.Exists(SmtpSource.Binary), "postfix (smtp-sink, smtp-source) is not installed; see .ci/run");

        var (exit, output) = await RunAsync("fanout", "--subscribers", "20", "--connections", "2");

        Assert.True(exit == 0, output);
        Assert.Contains("20 sent (20 received)", output);
        Assert.Contains("x smtp-source", output);
    }

    [SkippableFact]
    public async Task Memory_tinyRun_printsPeakResidentSet()
    {
        Skip.IfNot(File.Exists(SmtpSinkProcess.Binary), "postfix (smtp-sink) is not installed; see .ci/run");

        var (exit, output) = await RunAsync("memory", "--subscribers", "20", "--connections", "2");

        Assert.True(exit == 0, output);
        Assert.Matches(@"peak RSS during fan-out: [1-9][0-9.]* MB", output);
    }

    [SkippableFact]
    public async Task Memory_inItsOwnProcess_sendsFromASecondStartAndPrintsTheProcessPeak()
    {
        Skip.IfNot(File.Exists(SmtpSinkProcess.Binary), "postfix (smtp-sink) is not installed; see .ci/run");

        var (exit, output) = await RunAsync("memory", "--subscribers", "20", "--connections", "2", "--process", "--image-env");

        Assert.True(exit == 0, output);
        Assert.Contains("environment of the process: DOTNET_gcServer=0 DOTNET_JitHostMaxSlabCache=0 DOTNET_TC_CallCountThreshold=1000", output);
        Assert.Contains("exit 0; 20 received by the sink", output);
        Assert.Contains("send-now in its own process (second start: templates loaded from the compiled copy)", output);
        Assert.Matches(@"peak RSS of the process: [1-9][0-9.]* MB", output);
        Assert.Matches(@"SQLite store: database [0-9][0-9.]* MB, -wal [0-9.]+ MB at the end", output);
    }

    [Fact]
    public async Task Process_oneRunEach_printsEveryCaseAgainstItsTarget()
    {
        var (exit, output) = await RunAsync("process", "--runs", "1", "--sample", "2");

        Assert.True(exit == 0, output);
        foreach (var what in new[] { "floor (empty .NET program)", "validate", "ingest --source", "run (worker, sampled at 2 s)" })
        {
            Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(what)}.* [1-9][0-9]*\.[0-9] \(", output);
        }

        Assert.Matches(@"RSS < 100 MB +(PASS|FAIL)", output);
        Assert.Matches(@"validate .*CPU < 1\.0 s, peak < 100 MB +(PASS|FAIL)", output);
        Assert.Matches(@"ingest --source .*CPU < 1\.0 s, peak < 100 MB +(PASS|FAIL)", output);
    }

    [Fact]
    public async Task Rusage_childExits_writesItsCpuPeakAndExitCode()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (exit, _) = await RunAsync("rusage", "--out", file, "--", "sh", "-c", "exit 3");

            Assert.Equal(3, exit);
            var parts = (await File.ReadAllTextAsync(file)).Split(' ');
            Assert.Equal("3", parts[2]);
            Assert.True(long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) > 0, string.Join(' ', parts));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Startup_inThisProcess_printsTheResidentSetBeforeAndAfterTheTemplates()
    {
        var (exit, output) = await RunAsync("startup");

        Assert.Equal(0, exit);
        Assert.Matches(@"host built, store migrated: RSS [1-9][0-9.]* MB", output);
        Assert.Matches(@"templates compiled: RSS [1-9][0-9.]* MB", output);
    }

    [Fact]
    public async Task Render_shortRun_printsRatesAndAllocation()
    {
        var (exit, output) = await RunAsync("render", "--seconds", "0.05", "--warmup", "1", "--settle", "0");

        Assert.Equal(0, exit);
        Assert.Matches(@"personalised render .*/CPU-s, .* KB allocated/op", output);
        Assert.Contains("CSS inlining alone", output);
    }

    [SkippableFact]
    public async Task Ingest_fewFilesAndSources_printsParseAndFetchFigures()
    {
        Skip.If(RepoPaths.CorpusRoot() is null, "The acceptance corpus was not found: ../shared/corpus beside the repository.");

        var (exit, output) = await RunAsync("ingest", "--limit", "30", "--sources", "5");

        Assert.True(exit == 0, output);
        Assert.Matches(@"corpus parse .* files/s, .* MB/s", output);
        Assert.Matches(@"5 sources via FeedIngestor .* 5 ok", output);
    }

    [Fact]
    public async Task Discord_builtInShapes_printsMessagesAgainstMinimum()
    {
        var (_, output) = await RunAsync("discord");

        Assert.Matches(@"20 x  40: +\d+ messages / +\d+ minimum", output);
        Assert.Contains("worst ratio", output);
    }

    [Fact]
    public async Task RenderBenchmarks_eachBenchmarkOnce_producesAMessage()
    {
        var benchmarks = new RenderBenchmarks();
        benchmarks.Setup();
        try
        {
            var rendered = await benchmarks.Render();
            Assert.Contains("Reader", rendered.Html);
            Assert.Contains("style=", benchmarks.InlineCss());
            Assert.True(benchmarks.BuildMessage() > 5_000);
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }
}
